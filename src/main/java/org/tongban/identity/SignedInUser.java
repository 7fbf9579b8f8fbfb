package org.tongban.identity;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal of a signed-in account, as controllers receive it with {@code @AuthenticationPrincipal};
 * {@code locked} as of when it was read, by the product's clock; {@code mustChangePassword} as of sign-in.
 */
public record SignedInUser(UUID id, String username, String displayName, Set<Role> roles, String orgUnitCode,
		String orgUnitName, String idNumber, String uscc, String passwordHash, boolean enabled,
		boolean locked, boolean mustChangePassword) implements UserDetails {

	public SignedInUser(UUID id, String username, String displayName, Set<Role> roles, String orgUnitCode,
			String orgUnitName, String idNumber, String uscc, String passwordHash, boolean enabled, boolean locked) {
		this(id, username, displayName, roles, orgUnitCode, orgUnitName, idNumber, uscc, passwordHash, enabled, locked,
				false);
	}

	/** The user of the current request, if one is signed in. */
	public static Optional<SignedInUser> current() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser me ? Optional.of(me) : Optional.empty();
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	public boolean isStaff() {
		return roles.stream().anyMatch(Role::isStaff);
	}

	public boolean isAdmin() {
		return has(Role.ADMIN);
	}

	/** Used by pages: {@code me.staff}, {@code me.admin}. */
	public boolean getStaff() {
		return isStaff();
	}

	public boolean getAdmin() {
		return isAdmin();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** Never leaks the hash when the principal is rendered or serialised. */
	@Override
	public String toString() {
		return "SignedInUser[" + username + " " + roles + "]";
	}
}
