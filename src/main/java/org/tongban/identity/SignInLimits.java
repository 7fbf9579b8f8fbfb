package org.tongban.identity;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.tongban.shared.ProblemDetails;
import org.tongban.shared.RateLimited;
import org.tongban.shared.RateLimits;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits guessing passwords. Per account name: an account is locked after {@code tongban.identity.max-failed-attempts}
 * wrong passwords ({@link SignInAttempts}); a name without an account counts the same way in a rate-limit bucket
 * and is then answered exactly as a locked account is, so the answers never tell which names exist. Per address:
 * {@code tongban.rate-limits.sign-in.*} failures (default 30 in 15 minutes), after which the address gets 429 with
 * {@code Retry-After} before its credentials are even checked.
 */
@Component
class SignInLimits {

	private final RateLimits rateLimits;
	private final RateLimits.Limit perAddress;
	private final RateLimits.Limit perUnknownName;

	SignInLimits(RateLimits rateLimits, IdentitySettings settings) {
		this.rateLimits = rateLimits;
		this.perAddress = rateLimits.limit("sign-in", 30, Duration.ofMinutes(15));
		this.perUnknownName = new RateLimits.Limit("sign-in-name", settings.maxFailedAttempts(),
				settings.lockDuration());
	}

	/** A wrong password or an unknown name from {@code address}; {@code knownAccount} if the name has one. */
	void failed(String username, String address, boolean knownAccount) {
		if (address != null) {
			rateLimits.count(perAddress, RateLimits.client(address));
		}
		if (!knownAccount && username != null) {
			rateLimits.count(perUnknownName, username);
		}
	}

	/**
	 * For a name without an account: after as many failures as lock an account, a locked stand-in, so that the
	 * sign-in is refused as locked before any password check, as it is for an account.
	 */
	Optional<SignedInUser> lockedStandIn(String username) {
		return rateLimits.exhausted(perUnknownName, username)
			.map(wait -> new SignedInUser(new UUID(0, 0), username, username, EnumSet.noneOf(Role.class), null, null,
					null, null, "{noop}", true, true));
	}

	/** Refuses, before authentication, credentials sent from an address that failed too often. */
	OncePerRequestFilter filter(JsonMapper json) {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
					FilterChain chain) throws ServletException, IOException {
				Optional<Duration> wait = carriesCredentials(request)
						? rateLimits.exhausted(perAddress, RateLimits.client(request)) : Optional.empty();
				if (wait.isEmpty()) {
					chain.doFilter(request, response);
					return;
				}
				RateLimited limited = new RateLimited(wait.get(), "登录失败次数过多");
				response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
				if (ProblemDetails.wantsJson(request)) {
					response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					response.setCharacterEncoding("UTF-8");
					json.writeValue(response.getOutputStream(), ProblemDetails.of(limited, request));
				}
				else {
					response.sendError(HttpStatus.TOO_MANY_REQUESTS.value(), limited.detail());
				}
			}
		};
	}

	private static boolean carriesCredentials(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return true;
		}
		return "POST".equals(request.getMethod())
				&& request.getRequestURI().equals(request.getContextPath() + "/login");
	}
}
