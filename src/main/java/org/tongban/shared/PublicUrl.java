package org.tongban.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The address the public reaches the product at, {@code tongban.public-url} (env {@code TONGBAN_PUBLIC_URL}):
 * every link that leaves the product (licence QR codes and verification links, links in text messages) is made
 * with it. Unset, links name {@code http://localhost:8080}, which no phone can open: outside demo mode that is
 * warned about at start-up.
 */
@Component
public class PublicUrl {

	public static final String DEFAULT = "http://localhost:8080";

	private static final Logger log = LoggerFactory.getLogger(PublicUrl.class);

	private final String base;

	public PublicUrl(@Value("${tongban.public-url:}") String configured,
			@Value("${tongban.demo.enabled:false}") boolean demo) {
		if (configured == null || configured.isBlank()) {
			if (!demo) {
				log.warn("tongban.public-url (TONGBAN_PUBLIC_URL) is not set: licence QR codes and links sent to "
						+ "applicants point at {}, which the public cannot open. Set it to the address the public "
						+ "reaches this service at, e.g. https://zwfw.example.gov.cn", DEFAULT);
			}
			configured = DEFAULT;
		}
		this.base = configured.strip().replaceAll("/+$", "");
	}

	/** The address without a trailing slash. */
	public String base() {
		return base;
	}

	/** The absolute address of a path of the product ({@code /verify/…}). */
	public String of(String path) {
		return base + (path.startsWith("/") ? path : "/" + path);
	}
}
