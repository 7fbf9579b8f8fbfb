package org.tongban.shared;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem details with stable types and Chinese text; used by the MVC advice and the security entry points. */
public final class ProblemDetails {

	private static final String TYPE_BASE = "https://tongban.org/problems/";

	private ProblemDetails() {
	}

	public static ProblemDetail of(Problem problem, HttpServletRequest request) {
		ProblemDetail pd = of(problem.status(), problem.type(), problem.title(), problem.detail(), problem.errors(),
				request);
		problem.properties().forEach(pd::setProperty);
		return pd;
	}

	public static ProblemDetail of(HttpStatus status, String type, String title, String detail,
			List<FieldMessage> errors, HttpServletRequest request) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setType(URI.create(TYPE_BASE + type));
		pd.setTitle(title);
		if (request != null) {
			pd.setInstance(URI.create(request.getRequestURI()));
		}
		if (!errors.isEmpty()) {
			pd.setProperty("errors", errors);
		}
		return pd;
	}

	public static ResponseEntity<ProblemDetail> response(ProblemDetail pd) {
		return ResponseEntity.status(pd.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}

	/** API callers get problem+json; browsers asking for pages get an HTML page. */
	public static boolean wantsJson(HttpServletRequest request) {
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return true;
		}
		String accept = request.getHeader("Accept");
		return accept != null && !accept.contains("text/html")
				&& (accept.contains("application/json") || accept.contains("application/problem+json"));
	}
}
