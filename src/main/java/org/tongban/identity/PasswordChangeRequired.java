package org.tongban.identity;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.shared.ProblemDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * Until an account whose password must change (the initial administrator, or after an administrator's reset) has
 * changed it, its pages lead to the change form and its API calls get 403, except what changing it needs. The
 * principal says so as of sign-in; the account row is read again only then, so that the change frees the same
 * session at once and no one else pays a query.
 */
class PasswordChangeRequired extends OncePerRequestFilter {

	static final String PAGE = "/account/password";

	private static final Set<String> ALLOWED = Set.of(PAGE, "/api/me/password", "/api/me", "/logout", "/login", "/error",
			"/favicon.ico");

	private static final List<String> STATIC = List.of("/css/", "/js/", "/img/", "/webjars/");

	private final Accounts accounts;
	private final JsonMapper json;

	PasswordChangeRequired(Accounts accounts, JsonMapper json) {
		this.accounts = accounts;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean blocked = SignedInUser.current().filter(SignedInUser::mustChangePassword).isPresent()
				&& !ALLOWED.contains(path) && STATIC.stream().noneMatch(path::startsWith)
				&& accounts.mustChangePassword(SignedInUser.current().get().username());
		if (!blocked) {
			chain.doFilter(request, response);
		}
		else if (path.startsWith("/api/")) {
			SecurityConfiguration.write(response, json, ProblemDetails.of(HttpStatus.FORBIDDEN, "password-change-required",
					"须先修改密码", "该账户须先修改密码（POST /api/me/password）后才能继续使用。", List.of(), request));
		}
		else {
			response.sendRedirect(request.getContextPath() + PAGE);
		}
	}
}
