package org.tongban.shared.web;

import java.util.List;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.tongban.shared.ProblemDetails;

/** Errors raised outside controllers (filters, the container) get the same Chinese page or problem+json. */
@Controller
class ErrorPages implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
		if (status == null) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		// a rate limit refusing in a filter says why (in Chinese) and for how long
		String detail = status == HttpStatus.TOO_MANY_REQUESTS
				&& request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String m && !m.isBlank() ? m : detail(status);
		ProblemDetail pd = ProblemDetails.of(status, slug(status), title(status), detail, List.of(), null);
		if (uri != null) {
			pd.setInstance(java.net.URI.create(uri));
		}
		boolean api = uri != null && uri.startsWith(request.getContextPath() + "/api/");
		if (api || ProblemDetails.wantsJson(request)) {
			return ProblemDetails.response(pd);
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(status);
		mav.addObject("problem", pd);
		return mav;
	}

	private static String slug(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not-found";
			case FORBIDDEN -> "forbidden";
			case UNAUTHORIZED -> "unauthenticated";
			case CONTENT_TOO_LARGE -> "upload-too-large";
			case TOO_MANY_REQUESTS -> "rate-limited";
			default -> status.is4xxClientError() ? "bad-request" : "internal";
		};
	}

	private static String title(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "未找到";
			case FORBIDDEN -> "无权操作";
			case UNAUTHORIZED -> "未登录";
			case CONTENT_TOO_LARGE -> "文件过大";
			case TOO_MANY_REQUESTS -> "请求过于频繁";
			default -> status.is4xxClientError() ? "请求有误" : "系统内部错误";
		};
	}

	private static String detail(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "您访问的页面或资源不存在。";
			case FORBIDDEN -> "您没有执行此操作的权限。";
			case UNAUTHORIZED -> "请先登录。";
			case CONTENT_TOO_LARGE -> "上传的文件超过大小限制（单个文件不超过 20 MB）。";
			case TOO_MANY_REQUESTS -> "请求过于频繁，请稍后再试。";
			default -> status.is4xxClientError() ? "请求无法处理，请检查后重试。" : "系统暂时无法处理您的请求，请稍后再试。";
		};
	}
}
