package org.tongban.identity;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.shared.ProblemDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer tb_…} on {@code /api/**}: the request runs as the token's client with its roles and
 * division, for this request only (no session). A malformed, unknown, revoked or expired token is a 401. Pages
 * ignore the header: a token never opens a page.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;
	private final JsonMapper json;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(ApiTokens tokens, JsonMapper json) {
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer", 0, 6)
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			chain.doFilter(request, response);
			return;
		}
		String secret = authorization.length() > 7 ? authorization.substring(7).strip() : "";
		Optional<SignedInUser> client = authorization.length() > 6 && authorization.charAt(6) == ' '
				? tokens.authenticate(secret) : Optional.empty();
		if (client.isEmpty()) {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"tongban\", error=\"invalid_token\"");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			json.writeValue(response.getOutputStream(), ProblemDetails.of(HttpStatus.UNAUTHORIZED, "invalid-token",
					"令牌无效", "API 令牌无效、已过期或已被吊销，请向系统管理员申请新的令牌。", List.of(), request));
			return;
		}
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(client.get(), null,
				client.get().getAuthorities()));
		contexts.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			contexts.clearContext();
		}
	}
}
