package org.tongban.shared.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.ProblemDetails;
import org.tongban.shared.RateLimited;

/**
 * Turns every failure into a Chinese message: problem+json for the API, the error page for browsers.
 * Returning {@code Object} lets Spring pick the renderer from the actual value.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorResponses {

	private static final Log log = LogFactory.getLog(ErrorResponses.class);

	private final PageModels pages;

	ErrorResponses(PageModels pages) {
		this.pages = pages;
	}

	@ExceptionHandler(Problem.class)
	Object problem(Problem ex, HttpServletRequest request, HttpServletResponse response) {
		if (ex instanceof RateLimited limited) {
			response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
		}
		return render(ProblemDetails.of(ex, request), request);
	}

	@ExceptionHandler(BindException.class)
	Object bind(BindException ex, HttpServletRequest request) {
		List<FieldMessage> errors = ex.getFieldErrors().stream()
				.map(e -> new FieldMessage(e.getField(), e.getDefaultMessage()))
				.toList();
		return render(ProblemDetails.of(Problem.invalid(errors.isEmpty()
				? List.of(new FieldMessage("", "请求内容不完整或格式有误。")) : errors), request), request);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object methodValidation(HandlerMethodValidationException ex, HttpServletRequest request) {
		List<FieldMessage> errors = ex.getParameterValidationResults().stream()
				.flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldMessage(
						r.getMethodParameter().getParameterName(), e.getDefaultMessage())))
				.toList();
		return render(ProblemDetails.of(Problem.invalid(errors), request), request);
	}

	@ExceptionHandler(ConstraintViolationException.class)
	Object constraint(ConstraintViolationException ex, HttpServletRequest request) {
		List<FieldMessage> errors = ex.getConstraintViolations().stream()
				.map(v -> new FieldMessage(lastNode(v.getPropertyPath().toString()), v.getMessage()))
				.toList();
		return render(ProblemDetails.of(Problem.invalid(errors), request), request);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParam(MissingServletRequestParameterException ex, HttpServletRequest request) {
		return invalid(ex.getParameterName(), "缺少参数 " + ex.getParameterName() + "。", request);
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	Object missingPart(MissingServletRequestPartException ex, HttpServletRequest request) {
		return invalid(ex.getRequestPartName(), "缺少上传内容 " + ex.getRequestPartName() + "。", request);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	Object missingHeader(MissingRequestHeaderException ex, HttpServletRequest request) {
		return invalid(ex.getHeaderName(), "缺少请求头 " + ex.getHeaderName() + "。", request);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
		return invalid(ex.getName(), "参数 " + ex.getName() + " 的格式不正确：" + ex.getValue(), request);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request) {
		return invalid("", "请求内容无法解析，请检查 JSON 格式和字段类型。", request);
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	Object tooLarge(MaxUploadSizeExceededException ex, HttpServletRequest request) {
		// a page's upload form: back to that page, the message beside its uploads, nothing else lost
		String back = samePageBack(request);
		if (back != null && !ProblemDetails.wantsJson(request)) {
			org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("refusedUpload",
					"文件超过大小限制（单个文件不超过 20 MB，一次上传合计不超过 25 MB），未上传。请压缩或拆分后重新上传。");
			return new ModelAndView("redirect:" + back);
		}
		return render(ProblemDetails.of(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "文件过大",
				"上传的文件超过大小限制（单个文件不超过 20 MB，一次上传合计不超过 25 MB），请压缩或拆分后重新上传。",
				List.of(new FieldMessage("file", "文件超过 20 MB")), request), request);
	}

	@ExceptionHandler(MultipartException.class)
	Object multipart(MultipartException ex, HttpServletRequest request) {
		return invalid("file", "上传内容无法读取，请重新选择文件上传。", request);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request) {
		return render(ProblemDetails.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "不支持的操作",
				"此地址不支持 " + ex.getMethod() + " 请求。", List.of(), request), request);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request) {
		return render(ProblemDetails.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "不支持的内容类型",
				"不支持的内容类型：" + ex.getContentType() + "。", List.of(), request), request);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request) {
		return render(ProblemDetails.of(Problem.notFound("您访问的页面或资源不存在。"), request), request);
	}

	@ExceptionHandler(AccessDeniedException.class)
	Object denied(AccessDeniedException ex, HttpServletRequest request) {
		return render(ProblemDetails.of(Problem.forbidden("您没有执行此操作的权限。"), request), request);
	}

	@ExceptionHandler(AuthenticationException.class)
	Object unauthenticated(AuthenticationException ex, HttpServletRequest request) {
		return render(ProblemDetails.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "未登录", "请先登录。",
				List.of(), request), request);
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request) {
		log.error("Unexpected failure on " + request.getMethod() + " " + request.getRequestURI(), ex);
		return render(ProblemDetails.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "系统内部错误",
				"系统暂时无法处理您的请求，请稍后再试；如问题持续，请联系管理员。", List.of(), request), request);
	}

	/**
	 * The page a browser form was sent from, when it is one of ours (the Referer names this host): its path and
	 * query, else null. Never an outside address, so the redirect cannot be turned into an open one.
	 */
	static String samePageBack(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return null;
		}
		try {
			java.net.URI uri = java.net.URI.create(referer);
			if (uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName())
					|| uri.getRawPath() == null || !uri.getRawPath().startsWith("/") || uri.getRawPath().startsWith("//")) {
				return null;
			}
			return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
		}
		catch (IllegalArgumentException notAUri) {
			return null;
		}
	}

	private Object invalid(String field, String message, HttpServletRequest request) {
		return render(ProblemDetails.of(Problem.invalid(field, message), request), request);
	}

	private Object render(ProblemDetail pd, HttpServletRequest request) {
		if (ProblemDetails.wantsJson(request)) {
			return ProblemDetails.response(pd);
		}
		ModelAndView mav = new ModelAndView("error");
		mav.setStatus(HttpStatus.valueOf(pd.getStatus()));
		mav.addObject("problem", pd);
		// a way back to the page the form was on, besides the home page
		mav.addObject("back", "GET".equals(request.getMethod()) ? null : samePageBack(request));
		pages.fill(mav, request);
		return mav;
	}

	private static String lastNode(String path) {
		int dot = path.lastIndexOf('.');
		return dot < 0 ? path : path.substring(dot + 1);
	}
}
