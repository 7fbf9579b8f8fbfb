package org.tongban.reform.web;

import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.reform.ReformCockpit;

/** Sends a stored attachment as a download, never inline: a browser must not render what a user uploaded. */
final class Downloads {

	private Downloads() {
	}

	static ResponseEntity<InputStreamResource> attachment(ReformCockpit.AttachmentContent a) {
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(a.mediaType()))
				.contentLength(a.size())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(a.filename(), StandardCharsets.UTF_8).build().toString())
				.body(new InputStreamResource(a.content()));
	}
}
