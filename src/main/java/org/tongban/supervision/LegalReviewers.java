package org.tongban.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;

/**
 * Who may review penalty decisions (法制审核人员): planners named in configuration or designated by API. Not a role of
 * its own: a designation of some planners, always checked against the account (enabled, still a planner).
 */
@Service
public class LegalReviewers {

	/** The demo's legal reviewer, designated only when the demo runs. */
	static final String DEMO_REVIEWER = "legal";

	/** A designated reviewer and where the designation comes from ({@code CONFIG} cannot be removed by API). */
	public record Reviewer(String username, String source, String addedBy, Instant addedAt) {
	}

	private final JdbcClient jdbc;
	private final UserDetailsService users;
	private final AuditTrail audit;
	private final Clock clock;
	private final Set<String> configured;

	LegalReviewers(JdbcClient jdbc, UserDetailsService users, AuditTrail audit, Clock clock, PenaltySettings settings,
			@Value("${tongban.demo.enabled:false}") boolean demo) {
		this.jdbc = jdbc;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		Set<String> names = new LinkedHashSet<>(settings.legalReviewers());
		if (demo) {
			names.add(DEMO_REVIEWER);
		}
		this.configured = Set.copyOf(names);
	}

	/** Whether the account may review now: designated, enabled, and a planner. */
	public boolean isReviewer(String username) {
		if (username == null) {
			return false;
		}
		boolean designated = configured.contains(username) || jdbc.sql(
				"SELECT count(*) FROM supervision_legal_reviewer WHERE username = ?").param(username).query(Long.class).single() > 0;
		return designated && isPlanner(username);
	}

	public List<Reviewer> all() {
		List<Reviewer> out = new ArrayList<>();
		configured.stream().sorted().forEach(u -> out.add(new Reviewer(u, "CONFIG", null, null)));
		jdbc.sql("SELECT username, added_by, added_at FROM supervision_legal_reviewer ORDER BY username")
			.query((rs, i) -> new Reviewer(rs.getString(1), "API", rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list().stream().filter(r -> !configured.contains(r.username())).forEach(out::add);
		return out;
	}

	@Transactional
	public Reviewer add(String username, String actor) {
		if (username == null || username.isBlank() || !isPlanner(username.strip())) {
			throw Problem.invalid("username", "法制审核人员须为在岗的监督计划人员（填写其登录名）");
		}
		String name = username.strip();
		Instant now = clock.instant();
		int added = jdbc.sql("INSERT INTO supervision_legal_reviewer (username, added_by, added_at) VALUES (?, ?, ?) "
				+ "ON CONFLICT DO NOTHING").params(name, actor, Timestamp.from(now)).update();
		if (added == 0 || configured.contains(name)) {
			throw Problem.conflict("“" + name + "”已是法制审核人员。");
		}
		audit.record("supervision.legal-reviewer.add", "account", name, null, Map.of("addedBy", actor));
		return new Reviewer(name, "API", actor, now);
	}

	@Transactional
	public void remove(String username, String actor) {
		if (configured.contains(username)) {
			throw Problem.conflict("“" + username + "”由配置指定（tongban.supervision.penalties.legal-reviewers），须修改配置后重启。");
		}
		if (jdbc.sql("DELETE FROM supervision_legal_reviewer WHERE username = ?").param(username).update() == 0) {
			throw Problem.notFound("“" + username + "”不是法制审核人员。");
		}
		audit.record("supervision.legal-reviewer.remove", "account", username, Map.of("removedBy", actor), null);
	}

	private boolean isPlanner(String username) {
		try {
			return users.loadUserByUsername(username) instanceof SignedInUser u && u.has(Role.SUPERVISOR) && u.isEnabled();
		}
		catch (UsernameNotFoundException e) {
			return false;
		}
	}
}
