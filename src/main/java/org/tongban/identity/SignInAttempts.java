package org.tongban.identity;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;

/**
 * Locks an account after repeated wrong passwords, so that passwords cannot be guessed online; counts each failure
 * against the address it came from and, for names without an account, against the name ({@link SignInLimits}).
 */
@Component
class SignInAttempts {

	private final Accounts accounts;
	private final IdentitySettings settings;
	private final AuditTrail audit;
	private final Clock clock;
	private final SignInLimits limits;
	private final AccountSessions sessions;

	SignInAttempts(Accounts accounts, IdentitySettings settings, AuditTrail audit, Clock clock, SignInLimits limits,
			AccountSessions sessions) {
		this.accounts = accounts;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
		this.limits = limits;
		this.sessions = sessions;
	}

	@EventListener
	@Transactional
	public void on(AuthenticationFailureBadCredentialsEvent event) {
		String username = event.getAuthentication().getName();
		var account = accounts.recordFailure(username, settings.maxFailedAttempts(),
				clock.instant().plus(settings.lockDuration()));
		limits.failed(username, event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d
				? d.getRemoteAddress() : null, account.isPresent());
		account.filter(a -> a.failedAttempts() == settings.maxFailedAttempts())
				.ifPresent(a -> {
					// a locked account is signed out everywhere, as a disabled one is
					sessions.end(username);
					audit.recordAs(username, "ACCOUNT_LOCKED", "account", username, null,
							Map.of("failedAttempts", a.failedAttempts(), "lockedUntil", String.valueOf(a.lockedUntil())));
				});
	}

	@EventListener
	@Transactional
	public void on(AuthenticationSuccessEvent event) {
		accounts.recordSuccess(event.getAuthentication().getName());
	}
}
