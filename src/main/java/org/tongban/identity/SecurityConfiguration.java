package org.tongban.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.tongban.shared.ProblemDetails;
import tools.jackson.databind.json.JsonMapper;

/**
 * Form sign-in for pages, HTTP Basic also on {@code /api/**} for scripts. Which role may call what is
 * declared next to each endpoint with {@code @PreAuthorize}; here only what is public is listed.
 * <p>
 * A request carrying the session cookie is CSRF-checked whatever else it carries; only an API call without one
 * (a script with Basic credentials) is not, as it has no cookie a forged request could ride on. Only API paths
 * answer with a {@code WWW-Authenticate: Basic} challenge, so a browser never caches Basic credentials for pages.
 * Over HTTPS (directly or, with {@code server.forward-headers-strategy: native}, through a proxy sending
 * {@code X-Forwarded-Proto: https}) the session cookie is {@code Secure} and {@code Strict-Transport-Security} is
 * sent (Spring Security writes it only on secure requests).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final RequestMatcher API = request -> request.getRequestURI()
			.startsWith(request.getContextPath() + "/api/");

	/** The session cookie's name (Spring Session's default). */
	static final String SESSION_COOKIE = "SESSION";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, JsonMapper json, Accounts accounts,
			IdentityFilters filters) throws Exception {
		http.with(filters, org.springframework.security.config.Customizer.withDefaults());
		AuthenticationEntryPoint apiEntryPoint = (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"tongban\", charset=\"UTF-8\"");
			write(response, json, ProblemDetails.of(HttpStatus.UNAUTHORIZED, "unauthenticated", "未登录",
					"请先登录，或在请求中提供 HTTP Basic 认证信息。", List.of(), request));
		};
		AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
		// wrong Basic credentials on a page: the sign-in page, never a Basic challenge
		AuthenticationEntryPoint basicEntryPoint = (request, response, ex) -> (API.matches(request) ? apiEntryPoint
				: loginPage).commence(request, response, ex);
		AccessDeniedHandler apiDenied = (request, response, ex) -> write(response, json, ProblemDetails.of(
				HttpStatus.FORBIDDEN, "forbidden", "无权操作", "您没有执行此操作的权限。", List.of(), request));
		http
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/", "/login", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
						"/favicon.ico", "/actuator/health", "/actuator/health/**", "/actuator/info",
						"/api/calendar/working-days", "/api/search", "/search", "/api/assistant/ask", "/assistant",
						"/v3/api-docs", "/v3/api-docs/**", "/api-docs",
						"/swagger-ui/**", "/swagger-ui.html")
				.permitAll()
				// the service catalogue is public record: anyone reads the lists and published guides
				.requestMatchers(HttpMethod.GET, "/catalogue", "/catalogue/licensing", "/catalogue/filing",
						"/catalogue/public-service", "/catalogue/items/**", "/api/catalogue/**")
				.permitAll()
				// 一业一证: the published industry packages, their questionnaire and documents are public
				.requestMatchers(HttpMethod.GET, "/integrated", "/integrated/packages/**", "/api/integrated/packages",
						"/api/integrated/packages/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/integrated/packages/*/answers", "/integrated/packages/*/answers")
				.permitAll()
				// guidance through the question tree is public too: the pages and the answers API
				.requestMatchers(HttpMethod.GET, "/guidance/**")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/guidance/*/answers")
				.permitAll()
				// licence verification from the QR code: by number and check code, rate-limited
				.requestMatchers(HttpMethod.GET, "/verify/*", "/api/verify/*")
				.permitAll()
				// case progress by 办件编号 and 查询码, without an account: rate-limited, no personal data
				.requestMatchers("/track", "/api/public/cases/*")
				.permitAll()
				// 好差评 statistics: counts and rates only, no personal data
				.requestMatchers(HttpMethod.GET, "/satisfaction", "/api/public/satisfaction")
				.permitAll()
				// 办不成事: anyone reports one (anonymously with a contact, rate-limited); an anonymous reporter follows and
				// reopens theirs with the follow-up token (without one: sign in); the 12345 hotline's callback carries
				// its own shared secret, checked by the handler
				.requestMatchers(HttpMethod.GET, "/feedback/tickets/new")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/feedback/tickets", "/api/feedback/tickets", "/api/feedback/hotline/replies")
				.permitAll()
				.requestMatchers(request -> carriesTicketToken(request) && request.getRequestURI()
					.substring(request.getContextPath().length())
					.matches("/(api/)?feedback/tickets/[0-9a-fA-F-]{36}(/actions/reopen|/reopen)?"))
				.permitAll()
				// 双随机、一公开: plans, draws and overrides are public record (inspectors only by anonymous code)
				.requestMatchers(HttpMethod.GET, "/public/draws", "/public/draws/*", "/api/public/draws", "/api/public/draws/*")
				.permitAll()
				// 专用信用报告: verified by number and check code, like a licence (rate-limited)
				.requestMatchers(HttpMethod.GET, "/public/credit-reports/*", "/api/public/credit-reports/*")
				.permitAll()
				// 联合检查: a partner authority's findings carry its own secret, checked by the handler
				.requestMatchers(HttpMethod.POST, "/api/supervision/joint-inspections/*/partner-findings")
				.permitAll()
				// 一业一证 cooperating industries: the lead authority's hand-over carries its own secret, checked by the handler
				.requestMatchers(HttpMethod.POST, "/api/integrated/partner-parts")
				.permitAll()
				// 行政执法公示: decided penalties are published (organisations only, no handler or reviewer)
				.requestMatchers(HttpMethod.GET, "/public/penalties", "/api/public/penalties")
				.permitAll()
				// role refusals at the door, before any argument is read (a missing parameter must not answer 400
				// to a caller who may not call at all); the handlers check the same roles again, and duty below them
				.requestMatchers("/admin/**", "/api/accounts/**", "/api/audit/**", "/api/tokens/**", "/api/access-log/**")
				.hasRole(Role.ADMIN.name())
				.requestMatchers("/work/window/**", "/api/window/**")
				.hasRole(Role.CLERK.name())
				// supervision: inspectors read the register and their own inspections; planners do everything else
				.requestMatchers(HttpMethod.GET, "/api/supervision/entities", "/api/supervision/entities/*",
						"/api/supervision/inspections")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				// inspections: the assigned inspectors record, planners read (duty and ownership checked by the handlers);
				// an inspector declares their own conflicts of interest
				.requestMatchers("/supervision/inspections", "/supervision/inspections/**", "/api/supervision/inspections/**",
						"/api/supervision/inspection-forms/*")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				.requestMatchers(HttpMethod.POST, "/api/supervision/inspectors/*/conflicts")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				// 合规体检: an enterprise answers for its own entity and confirms fixes; supervision staff read
				.requestMatchers(HttpMethod.GET, "/api/supervision/self-checks/*", "/supervision/self-checks/*")
				.hasAnyRole(Role.ENTERPRISE.name(), Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				.requestMatchers("/api/supervision/self-checks", "/api/supervision/self-checks/*/fixes",
						"/supervision/self-check", "/supervision/self-checks/*/fixes")
				.hasRole(Role.ENTERPRISE.name())
				// 联合检查: planners plan; planners and inspectors read and record the commission's findings
				.requestMatchers(HttpMethod.GET, "/api/supervision/joint-inspections", "/api/supervision/joint-inspections/**",
						"/supervision/joint-inspections/*")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				.requestMatchers(HttpMethod.POST, "/api/supervision/joint-inspections/*/findings",
						"/supervision/joint-inspections/*/findings")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				// 专用信用报告: an enterprise for its own entity, supervision staff for any
				.requestMatchers("/api/supervision/credit-reports", "/api/supervision/credit-reports/**",
						"/supervision/credit-reports", "/supervision/credit-reports/**")
				.hasAnyRole(Role.ENTERPRISE.name(), Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				// 行政处罚: inspectors read the baseline, open cases and propose in their own; review, decision and
				// publication are planners'
				.requestMatchers(HttpMethod.GET, "/api/supervision/discretion-baseline", "/supervision/discretion-baseline",
						"/api/supervision/penalties", "/api/supervision/penalties/*", "/supervision/penalties",
						"/supervision/penalties/*")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				.requestMatchers(HttpMethod.POST, "/api/supervision/penalties", "/api/supervision/penalties/*/proposal",
						"/supervision/penalties", "/supervision/penalties/*/proposal")
				.hasAnyRole(Role.SUPERVISOR.name(), Role.INSPECTOR.name())
				.requestMatchers("/api/supervision/**", "/supervision/**")
				.hasRole(Role.SUPERVISOR.name())
				// 免申即享: the programmes and their rules are public policy; offers are the resident's own; the rest is
				// for division staff (which division, by duty, is decided in the benefits module)
				.requestMatchers(HttpMethod.GET, "/api/benefits/programmes", "/api/benefits/programmes/*/rule")
				.permitAll()
				.requestMatchers("/api/benefits/mine", "/api/benefits/mine/**", "/benefits/mine", "/benefits/mine/**")
				.hasRole(Role.CITIZEN.name())
				.requestMatchers("/api/benefits/**", "/benefits/**")
				.hasRole(Role.DIVISION_STAFF.name())
				.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).defaultSuccessUrl("/", false))
			.httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint))
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.exceptionHandling(ex -> ex
				.defaultAuthenticationEntryPointFor(apiEntryPoint, API)
				.defaultAuthenticationEntryPointFor(loginPage, request -> !API.matches(request))
				.defaultAccessDeniedHandlerFor(apiDenied, API))
			// CSRF protects session cookies: a request carrying one is checked whatever other header it has. An API
			// call without the cookie (a script with Basic credentials) has nothing to abuse, and gets 401 from
			// authentication rather than 403 from the CSRF filter.
			.csrf(csrf -> csrf.ignoringRequestMatchers(request -> API.matches(request) && !carriesSessionCookie(request)))
			.addFilterAfter(new PasswordChangeRequired(accounts, json), AuthorizationFilter.class)
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; "
						+ "form-action 'self'; base-uri 'self'"))
				.referrerPolicy(ref -> ref.policy(
						org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** A 办不成事 follow-up token in the header (API) or the address (the link given to an anonymous reporter). */
	private static boolean carriesTicketToken(jakarta.servlet.http.HttpServletRequest request) {
		String header = request.getHeader("X-Ticket-Token");
		String param = request.getParameter("token");
		return (header != null && !header.isBlank()) || (param != null && !param.isBlank());
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	UserDetailsService userDetailsService(Accounts accounts, java.time.Clock clock, SignInLimits limits,
			@Value("${tongban.demo.enabled:false}") boolean demoMode) {
		return username -> accounts.principal(username, clock.instant(), demoMode)
				.or(() -> limits.lockedStandIn(username))
				.orElseThrow(() -> new UsernameNotFoundException("no account " + username));
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, ex) -> {
			String reason = ex instanceof LockedException ? "locked" : ex instanceof DisabledException ? "disabled" : "bad";
			response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
		};
	}

	private static boolean carriesSessionCookie(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (SESSION_COOKIE.equals(cookie.getName())) {
					return true;
				}
			}
		}
		return false;
	}

	static void write(HttpServletResponse response, JsonMapper json, Object body) throws IOException {
		response.setStatus(((org.springframework.http.ProblemDetail) body).getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}
}
