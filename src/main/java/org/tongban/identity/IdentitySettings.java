package org.tongban.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in policy.
 *
 * @param maxFailedAttempts consecutive wrong passwords before the account is locked
 * @param lockDuration how long a locked account stays locked
 */
@ConfigurationProperties("tongban.identity")
record IdentitySettings(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration) {
}
