package org.tongban.supervision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import java.time.Clock;

/**
 * A change after the draw (an inspector on leave, a conflict found late): one inspector replaced by another,
 * with a reason and an approver who is another planner; logged (append-only), audited and published.
 */
@Service
public class Overrides {

	/** What an override asks. */
	public record OverrideRequest(String uscc, String replaced, String replacement, String reason, String approver) {
	}

	/** An override as logged; {@code approver} and {@code requestedBy} are for staff only. */
	public record Override(UUID id, UUID drawId, String uscc, String replaced, String replacement, String reason,
			String approver, String requestedBy, Instant at) {
	}

	private final JdbcClient jdbc;
	private final Inspectors inspectors;
	private final UserDetailsService users;
	private final AuditTrail audit;
	private final Clock clock;

	Overrides(JdbcClient jdbc, Inspectors inspectors, UserDetailsService users, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.inspectors = inspectors;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	public Override override(UUID drawId, OverrideRequest r, String actor) {
		String sector = jdbc.sql("SELECT p.sector FROM supervision_draw d JOIN supervision_plan p ON p.id = d.plan_id "
				+ "WHERE d.id = ?").param(drawId).query(String.class).optional()
			.orElseThrow(() -> Problem.notFound("未找到该抽取结果。"));
		List<FieldMessage> errors = new ArrayList<>();
		var inspection = jdbc.sql("SELECT id, inspector1, inspector2 FROM supervision_inspection WHERE draw_id = ? AND uscc = ? "
				+ "FOR UPDATE").params(drawId, r.uscc() == null ? "" : r.uscc())
			.query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
		if (inspection.isEmpty()) {
			errors.add(new FieldMessage("uscc", "该单位不在本次抽取结果中"));
		}
		else if (r.replaced() == null || !(r.replaced().equals(inspection.get()[1]) || r.replaced().equals(inspection.get()[2]))) {
			errors.add(new FieldMessage("replaced", "被替换的执法人员不是该单位当前的检查人员"));
		}
		var replacement = r.replacement() == null ? java.util.Optional.<Inspectors.Inspector>empty()
				: inspectors.find(r.replacement());
		if (replacement.isEmpty() || !replacement.get().active() || !replacement.get().sectors().contains(sector)) {
			errors.add(new FieldMessage("replacement", "替换人员须为具备该行业执法资格的在岗执法人员"));
		}
		else if (inspection.isPresent() && (r.replacement().equals(inspection.get()[1])
				|| r.replacement().equals(inspection.get()[2]))) {
			errors.add(new FieldMessage("replacement", "替换人员已是该单位的检查人员，每户须两名不同的人员"));
		}
		else if (inspection.isPresent() && inspectors.conflicted(r.uscc(), r.replacement())) {
			errors.add(new FieldMessage("replacement", "替换人员在该单位的利益冲突名单上，不能检查该单位"));
		}
		if (r.reason() == null || r.reason().isBlank()) {
			errors.add(new FieldMessage("reason", "请写明调整理由（如休假、回避），调整理由将公开"));
		}
		else if (r.reason().length() > 300) {
			errors.add(new FieldMessage("reason", "调整理由不超过 300 字"));
		}
		if (!approverOk(r.approver(), actor)) {
			errors.add(new FieldMessage("approver", "审批人须为本人以外的监督计划人员（填写其登录名）"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		String[] row = inspection.get();
		String column = r.replaced().equals(row[1]) ? "inspector1" : "inspector2";
		jdbc.sql("UPDATE supervision_inspection SET " + column + " = ? WHERE id = ?")
			.params(r.replacement(), UUID.fromString(row[0])).update();
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO supervision_override (id, draw_id, uscc, replaced, replacement, reason, approver, requested_by, at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, drawId, r.uscc(), r.replaced(), r.replacement(), r.reason().strip(), r.approver(), actor,
					Timestamp.from(now)).update();
		audit.record("supervision.draw.override", "draw", drawId, Map.of("uscc", r.uscc(), "inspector", r.replaced()),
				Map.of("uscc", r.uscc(), "inspector", r.replacement(), "reason", r.reason().strip(), "approver", r.approver()));
		return new Override(id, drawId, r.uscc(), r.replaced(), r.replacement(), r.reason().strip(), r.approver(), actor, now);
	}

	private boolean approverOk(String approver, String actor) {
		if (approver == null || approver.isBlank() || approver.equals(actor)) {
			return false;
		}
		try {
			return users.loadUserByUsername(approver) instanceof SignedInUser u && u.has(Role.SUPERVISOR) && u.isEnabled();
		}
		catch (UsernameNotFoundException e) {
			return false;
		}
	}

	/** The overrides of a draw, in order. */
	public List<Override> of(UUID drawId) {
		return jdbc.sql("SELECT id, draw_id, uscc, replaced, replacement, reason, approver, requested_by, at "
				+ "FROM supervision_override WHERE draw_id = ? ORDER BY at, id").param(drawId)
			.query((rs, i) -> new Override(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
					rs.getTimestamp(9).toInstant()))
			.list();
	}
}
