package org.tongban.shared;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a module adds to the model of every page the layout renders: who is signed in, the header's links,
 * the unread count. Asked only when a page is rendered, never for an API response or a redirect, so an API
 * call pays for none of it. An attribute the page's controller has set is kept.
 */
@FunctionalInterface
public interface PageModel {

	void addTo(Map<String, Object> model, HttpServletRequest request);
}
