package org.tongban.identity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table; only this module reads or writes it. */
@Repository
class Accounts {

	private static final String COLUMNS = """
			a.id, a.username, a.display_name, a.password_hash, a.roles, a.org_unit_code, o.name AS org_unit_name,
			a.id_number, a.uscc, a.phone, a.enabled, a.failed_attempts, a.locked_until, a.demo, a.must_change_password, a.created_at
			""";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The account as Spring Security signs it in; a demo account counts as disabled unless demo mode is on (it has
	 * the published password).
	 */
	Optional<SignedInUser> principal(String username, Instant now, boolean demoMode) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_account a LEFT JOIN identity_org_unit o ON o.code = a.org_unit_code WHERE a.username = ?")
				.param(username)
				.query((rs, i) -> new SignedInUser(rs.getObject("id", UUID.class), rs.getString("username"),
						rs.getString("display_name"), roles(rs.getArray("roles")), rs.getString("org_unit_code"),
						rs.getString("org_unit_name"), rs.getString("id_number"), rs.getString("uscc"),
						rs.getString("password_hash"), rs.getBoolean("enabled") && (demoMode || !rs.getBoolean("demo")),
						lockedAt(instant(rs, "locked_until"), now), rs.getBoolean("must_change_password")))
				.optional();
	}

	Optional<Account> byUsername(String username) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_account a LEFT JOIN identity_org_unit o ON o.code = a.org_unit_code WHERE a.username = ?")
				.param(username).query(Accounts::account).optional();
	}

	List<Account> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_account a LEFT JOIN identity_org_unit o ON o.code = a.org_unit_code ORDER BY a.created_at, a.username")
				.query(Accounts::account).list();
	}

	boolean exists(String username) {
		return jdbc.sql("SELECT count(*) FROM identity_account WHERE username = ?").param(username)
				.query(Long.class).single() > 0;
	}

	boolean anyWithRole(Role role) {
		return jdbc.sql("SELECT count(*) FROM identity_account WHERE ? = ANY (roles)").param(role.name())
				.query(Long.class).single() > 0;
	}

	void insert(Account a, String passwordHash) {
		jdbc.sql("""
				INSERT INTO identity_account (id, username, display_name, password_hash, roles, org_unit_code,
				  id_number, uscc, phone, enabled, demo)
				VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?)
				""")
				.params(a.id(), a.username(), a.displayName(), passwordHash, rolesLiteral(a.roles()), a.orgUnitCode(),
						a.idNumber(), a.uscc(), a.phone(), a.enabled(), a.demo())
				.update();
	}

	void update(Account a) {
		jdbc.sql("""
				UPDATE identity_account SET display_name = ?, roles = ?::text[], org_unit_code = ?, phone = ?,
				  enabled = ?, failed_attempts = ?, locked_until = ? WHERE id = ?
				""")
				.params(a.displayName(), rolesLiteral(a.roles()), a.orgUnitCode(), a.phone(), a.enabled(),
						a.failedAttempts(), a.lockedUntil() == null ? null : Timestamp.from(a.lockedUntil()), a.id())
				.update();
	}

	/** Whether an administrator not created by demo seeding exists (demo accounts cannot sign in without demo mode). */
	boolean anyAdministrator() {
		return jdbc.sql("SELECT count(*) FROM identity_account WHERE 'ADMIN' = ANY (roles) AND NOT demo")
				.query(Long.class).single() > 0;
	}

	/** Sets the password, keeps it in the history (the last {@link PasswordPolicy#HISTORY}) and whether it must change. */
	void updatePassword(UUID id, String hash, boolean mustChange, Instant now) {
		jdbc.sql("UPDATE identity_account SET password_hash = ?, must_change_password = ? WHERE id = ?")
				.params(hash, mustChange, id).update();
		remember(id, hash, now);
	}

	void remember(UUID id, String hash, Instant now) {
		jdbc.sql("INSERT INTO identity_password_history (account_id, password_hash, set_at) VALUES (?, ?, ?)")
				.params(id, hash, Timestamp.from(now)).update();
		jdbc.sql("""
				DELETE FROM identity_password_history WHERE account_id = ? AND ctid NOT IN (
				  SELECT ctid FROM identity_password_history WHERE account_id = ? ORDER BY set_at DESC LIMIT ?)
				""").params(id, id, PasswordPolicy.HISTORY).update();
	}

	/** The hashes of the account's last passwords, the current one first. */
	List<String> recentPasswordHashes(UUID id) {
		return jdbc.sql("SELECT password_hash FROM identity_password_history WHERE account_id = ? ORDER BY set_at DESC LIMIT ?")
				.params(id, PasswordPolicy.HISTORY).query(String.class).list();
	}

	String passwordHash(UUID id) {
		return jdbc.sql("SELECT password_hash FROM identity_account WHERE id = ?").param(id).query(String.class).single();
	}

	boolean mustChangePassword(String username) {
		return jdbc.sql("SELECT must_change_password FROM identity_account WHERE username = ?").param(username)
				.query(Boolean.class).optional().orElse(false);
	}

	void requirePasswordChange(UUID id) {
		jdbc.sql("UPDATE identity_account SET must_change_password = TRUE WHERE id = ?").param(id).update();
	}

	/** Makes a demo account an ordinary one (the demo's admin, taken over by the initial administrator). */
	void clearDemo(UUID id) {
		jdbc.sql("UPDATE identity_account SET demo = FALSE WHERE id = ?").param(id).update();
	}

	/** Counts a failed sign-in and locks the account when the limit is reached; returns the new state. */
	Optional<Account> recordFailure(String username, int maxAttempts, Instant lockUntil) {
		int changed = jdbc.sql("""
				UPDATE identity_account SET failed_attempts = failed_attempts + 1,
				  locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END
				WHERE username = ?
				""").params(maxAttempts, Timestamp.from(lockUntil), username).update();
		return changed == 0 ? Optional.empty() : byUsername(username);
	}

	private static boolean lockedAt(Instant lockedUntil, Instant now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}

	void recordSuccess(String username) {
		jdbc.sql("UPDATE identity_account SET failed_attempts = 0, locked_until = NULL WHERE username = ? AND (failed_attempts > 0 OR locked_until IS NOT NULL)")
				.param(username).update();
	}

	private static Account account(ResultSet rs, int row) throws SQLException {
		return new Account(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				roles(rs.getArray("roles")), rs.getString("org_unit_code"), rs.getString("id_number"),
				rs.getString("uscc"), rs.getString("phone"), rs.getBoolean("enabled"), rs.getInt("failed_attempts"),
				instant(rs, "locked_until"), rs.getBoolean("demo"), instant(rs, "created_at"));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String r : (String[]) array.getArray()) {
			roles.add(Role.valueOf(r));
		}
		return roles;
	}

	private static String rolesLiteral(Set<Role> roles) {
		return "{" + String.join(",", roles.stream().map(Enum::name).toList()) + "}";
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp ts = rs.getTimestamp(column);
		return ts == null ? null : ts.toInstant();
	}
}
