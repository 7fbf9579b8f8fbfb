package org.tongban.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;

/** Locks an account after repeated wrong passwords, so that passwords cannot be guessed online. */
@Component
class SignInAttempts {

	private final Accounts accounts;
	private final IdentitySettings settings;
	private final AuditTrail audit;
	private final Clock clock;

	SignInAttempts(Accounts accounts, IdentitySettings settings, AuditTrail audit, Clock clock) {
		this.accounts = accounts;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		accounts.recordFailure(username, settings.maxFailedAttempts(), clock.instant().plus(settings.lockDuration()))
				.filter(a -> a.failedAttempts() == settings.maxFailedAttempts())
				.ifPresent(a -> audit.recordAs(username, "ACCOUNT_LOCKED", "account", username, null,
						Map.of("failedAttempts", a.failedAttempts(), "lockedUntil", String.valueOf(a.lockedUntil()))));
	}

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		accounts.recordSuccess(event.getAuthentication().getName());
	}
}
