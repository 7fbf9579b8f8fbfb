package org.tongban.identity;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filters this module adds to the security chain, kept out of {@link SecurityConfiguration}: the per-address
 * sign-in limit before the form and Basic sign-in, and API tokens on {@code /api/**}. Not beans themselves, so the
 * servlet container does not run them a second time outside the chain.
 */
@Component
class IdentityFilters extends AbstractHttpConfigurer<IdentityFilters, HttpSecurity> {

	private final SignInLimits signIn;
	private final ApiTokens tokens;
	private final JsonMapper json;

	IdentityFilters(SignInLimits signIn, ApiTokens tokens, JsonMapper json) {
		this.signIn = signIn;
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	public void configure(HttpSecurity http) {
		http.addFilterBefore(signIn.filter(json), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new BearerTokenFilter(tokens, json), BasicAuthenticationFilter.class);
	}
}
