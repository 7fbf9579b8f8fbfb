package org.tongban.identity.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.tongban.identity.SignedInUser;

/** Every page knows who is signed in ({@code me}) and whether the large-font mode is on. */
@ControllerAdvice
class CurrentUserAdvice {

	@ModelAttribute("me")
	SignedInUser me() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
	}

	/** Pages show times in the commission's zone whatever the server's. */
	@ModelAttribute("zone")
	java.time.ZoneId zone() {
		return java.time.ZoneId.of("Asia/Shanghai");
	}

	@ModelAttribute("largeFont")
	boolean largeFont(HttpServletRequest request) {
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
