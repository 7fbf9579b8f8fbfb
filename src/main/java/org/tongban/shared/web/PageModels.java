package org.tongban.shared.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.tongban.shared.PageModel;

/**
 * Asks every {@link PageModel} for its attributes when a controller hands a page to the view. A handler that
 * throws skips {@code postHandle}, so {@link ErrorResponses} fills the error page it renders itself.
 */
@Configuration(proxyBeanMethods = false)
class PageModels implements HandlerInterceptor, WebMvcConfigurer {

	private final List<PageModel> contributors;

	PageModels(List<PageModel> contributors) {
		this.contributors = contributors;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView page) {
		if (page == null || !page.hasView() || page.getView() instanceof RedirectView
				|| page.getViewName() != null && (page.getViewName().startsWith("redirect:")
						|| page.getViewName().startsWith("forward:"))) {
			return; // an API response, or a redirect whose model would end up in the query string
		}
		fill(page, request);
	}

	/** Adds what every page needs to a page's model; also for the error page an exception handler renders. */
	void fill(ModelAndView page, HttpServletRequest request) {
		Map<String, Object> added = new HashMap<>();
		contributors.forEach(c -> c.addTo(added, request));
		added.forEach(page.getModelMap()::putIfAbsent);
	}
}
