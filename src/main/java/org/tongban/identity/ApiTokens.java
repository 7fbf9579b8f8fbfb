package org.tongban.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * API tokens for machine clients: {@code tb_} and 32 random bytes in base64url, sent as
 * {@code Authorization: Bearer} on {@code /api/**}. Kept as SHA-256 only, so checking one is one indexed
 * lookup (no BCrypt: a token is random, not a password a person chose). Issuing and revoking are audited.
 */
@Service
public class ApiTokens {

	private static final Pattern FORMAT = Pattern.compile("^tb_[A-Za-z0-9_-]{43}$");
	static final int MAX_DAYS = 365;
	private static final String COLUMNS = "id, client, token_prefix, roles, org_unit_code, issued_by, issued_at, "
			+ "expires_at, revoked_by, revoked_at";

	private final JdbcClient jdbc;
	private final Organisation organisation;
	private final AuditTrail audit;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	ApiTokens(JdbcClient jdbc, Organisation organisation, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an administrator fills in: the client's name, its roles, its division or unit, and for how many days. */
	public record NewToken(String client, Set<Role> roles, String orgUnitCode, Integer validDays) {
	}

	/** A token just issued: the token itself is in {@code secret}, and nowhere else, ever again. */
	public record Issued(ApiToken token, String secret) {
	}

	public List<ApiToken> all() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_token ORDER BY issued_at DESC, client")
			.query(ApiTokens::token).list();
	}

	@Transactional
	public Issued issue(NewToken request, String issuedBy) {
		String client = request.client() == null ? "" : request.client().strip();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (request.roles() != null) {
			request.roles().stream().filter(java.util.Objects::nonNull).forEach(roles::add);
		}
		int days = request.validDays() == null ? 90 : request.validDays();
		List<FieldMessage> errors = new ArrayList<>();
		if (client.isEmpty() || client.length() > 64) {
			errors.add(new FieldMessage("client", "请填写使用令牌的系统或单位名称（不超过 64 个字）。"));
		}
		if (roles.isEmpty()) {
			errors.add(new FieldMessage("roles", "请至少选择一个工作人员角色。"));
		}
		else if (roles.stream().anyMatch(r -> !r.isStaff() || r == Role.ADMIN)) {
			errors.add(new FieldMessage("roles", "令牌只能授予工作人员角色，不能授予系统管理员或办事人角色。"));
		}
		if (organisation.byCode(request.orgUnitCode()).filter(u -> u.kind() != OrgUnit.Kind.GENERIC).isEmpty()) {
			errors.add(new FieldMessage("orgUnitCode", "请选择令牌所属的处室或单位。"));
		}
		if (days < 1 || days > MAX_DAYS) {
			errors.add(new FieldMessage("validDays", "有效期为 1 至 " + MAX_DAYS + " 天。"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = "tb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		ApiToken token = new ApiToken(UUID.randomUUID(), client, secret.substring(0, 9), roles, request.orgUnitCode(),
				issuedBy, now, now.plus(Duration.ofDays(days)), null, null);
		jdbc.sql("INSERT INTO identity_api_token (id, client, token_hash, token_prefix, roles, org_unit_code, issued_by, "
				+ "issued_at, expires_at) VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?)")
			.params(token.id(), token.client(), sha256(secret), token.prefix(), rolesLiteral(roles), token.orgUnitCode(),
					issuedBy, Timestamp.from(now), Timestamp.from(token.expiresAt()))
			.update();
		audit.record("API_TOKEN_ISSUED", "api-token", token.id(), null, describe(token));
		return new Issued(token, secret);
	}

	@Transactional
	public ApiToken revoke(UUID id, String revokedBy) {
		ApiToken before = byId(id);
		if (before.revokedAt() != null) {
			return before;
		}
		jdbc.sql("UPDATE identity_api_token SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
			.params(revokedBy, Timestamp.from(clock.instant()), id).update();
		ApiToken after = byId(id);
		audit.record("API_TOKEN_REVOKED", "api-token", id, describe(before), describe(after));
		return after;
	}

	public ApiToken byId(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_token WHERE id = ?").param(id)
			.query(ApiTokens::token).optional().orElseThrow(() -> Problem.notFound("未找到该 API 令牌。"));
	}

	/** The principal a token stands for, if it is well formed, known, not revoked and not expired. */
	Optional<SignedInUser> authenticate(String secret) {
		if (secret == null || !FORMAT.matcher(secret).matches()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("SELECT " + COLUMNS + " FROM identity_api_token WHERE token_hash = ?")
			.param(sha256(secret))
			.query(ApiTokens::token).optional()
			.filter(t -> t.status(now) == ApiToken.Status.ACTIVE)
			.map(t -> new SignedInUser(t.id(), "token:" + t.client(), t.client(), t.roles(), t.orgUnitCode(),
					organisation.byCode(t.orgUnitCode()).map(OrgUnit::name).orElse(null), null, null, null, true, false));
	}

	private static Map<String, Object> describe(ApiToken t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("client", t.client());
		m.put("prefix", t.prefix());
		m.put("roles", t.roles().stream().map(Enum::name).toList());
		m.put("orgUnitCode", t.orgUnitCode());
		m.put("expiresAt", t.expiresAt().toString());
		if (t.revokedAt() != null) {
			m.put("revokedAt", t.revokedAt().toString());
		}
		return m;
	}

	static byte[] sha256(String secret) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String rolesLiteral(Set<Role> roles) {
		return "{" + String.join(",", roles.stream().map(Enum::name).toList()) + "}";
	}

	private static ApiToken token(ResultSet rs, int row) throws SQLException {
		return new ApiToken(rs.getObject("id", UUID.class), rs.getString("client"), rs.getString("token_prefix"),
				roles(rs.getArray("roles")), rs.getString("org_unit_code"), rs.getString("issued_by"),
				instant(rs, "issued_at"), instant(rs, "expires_at"), rs.getString("revoked_by"), instant(rs, "revoked_at"));
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String r : (String[]) array.getArray()) {
			roles.add(Role.valueOf(r));
		}
		return roles;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
