package org.tongban.identity.web;

import java.time.ZoneId;
import java.util.Map;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.PageModel;

/**
 * Every page knows who is signed in ({@code me}), the commission's time zone, whether the large-font mode is on and
 * whether this is a demo instance ({@code demoMode}: the layout's "演示环境" banner).
 */
@Component
class CurrentUserPageModel implements PageModel {

	/** Pages show times in the commission's zone whatever the server's. */
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final boolean demoMode;

	CurrentUserPageModel(@Value("${tongban.demo.enabled:false}") boolean demoMode) {
		this.demoMode = demoMode;
	}

	@Override
	public void addTo(Map<String, Object> model, HttpServletRequest request) {
		SignedInUser me = SignedInUser.current().orElse(null);
		if (me != null) {
			model.put("me", me);
		}
		model.put("zone", ZONE);
		model.put("demoMode", demoMode);
		model.put("largeFont", largeFont(request));
	}

	private static boolean largeFont(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return false;
		}
		for (Cookie c : request.getCookies()) {
			if ("tb-font".equals(c.getName())) {
				return "large".equals(c.getValue());
			}
		}
		return false;
	}
}
