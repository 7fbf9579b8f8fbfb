package org.tongban.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;
import org.tongban.supervision.EnforcementRecords.Subject;

/**
 * Joint inspections (联合检查, task 27): a shared plan for one visit, findings per authority. Each partner authority's
 * part is an outbox row: {@link #relayDue} sends the plan (the same idempotency key on every try) and then asks
 * for the partner's findings until they are in; a partner that is down leaves its part waiting with a back-off, so a
 * plan is never lost and never sent as two. Every step goes into the full-process record.
 */
@Service
public class JointInspections {

	/** How long a sent part waits before asking the partner for findings again. */
	static final Duration POLL = Duration.ofMinutes(10);

	/** What a planner asks: the entity, the day, what is inspected and which partners join. */
	public record NewJointInspection(String uscc, LocalDate plannedOn, String scope, List<String> partners) {
	}

	/** One authority's part: where it stands and its findings. */
	public record Part(JointAuthority authority, String authorityLabel, String status, int attempts, String lastError,
			Instant nextAttemptAt, String partnerRef, String findings, Instant findingsAt) {
	}

	/** A joint inspection with every authority's part ({@code HEALTH} first: this institute's own findings). */
	public record JointInspection(UUID id, String uscc, String entityName, LocalDate plannedOn, String scope,
			String createdBy, Instant createdAt, Instant visitedAt, String visitedBy, List<Part> parts) {
	}

	private final JdbcClient jdbc;
	private final Register register;
	private final PartnerAuthorities partners;
	private final EnforcementRecords records;
	private final AuditTrail audit;
	private final TransactionTemplate tx;
	private final Clock clock;

	JointInspections(JdbcClient jdbc, Register register, PartnerAuthorities partners, EnforcementRecords records,
			AuditTrail audit, TransactionTemplate tx, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.partners = partners;
		this.records = records;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
	}

	@Transactional
	public JointInspection plan(NewJointInspection n, String actor) {
		List<FieldMessage> errors = new ArrayList<>();
		Optional<RegulatedEntity> entity = n == null || n.uscc() == null ? Optional.empty() : register.find(n.uscc().strip());
		if (entity.isEmpty()) {
			errors.add(new FieldMessage("uscc", "登记册中没有该统一社会信用代码的单位"));
		}
		LocalDate today = LocalDate.now(clock.withZone(Penalties.SHANGHAI));
		if (n == null || n.plannedOn() == null) {
			errors.add(new FieldMessage("plannedOn", "请填写检查日期"));
		}
		else if (n.plannedOn().isBefore(today)) {
			errors.add(new FieldMessage("plannedOn", "检查日期不能早于今天"));
		}
		if (n == null || n.scope() == null || n.scope().isBlank()) {
			errors.add(new FieldMessage("scope", "请写明联合检查的内容（各部门分别检查什么）"));
		}
		else if (n.scope().length() > 1000) {
			errors.add(new FieldMessage("scope", "检查内容不超过 1000 字"));
		}
		Set<JointAuthority> chosen = EnumSet.noneOf(JointAuthority.class);
		List<String> asked = n == null || n.partners() == null || n.partners().isEmpty() ? List.of("MARKET", "DRUG")
				: n.partners();
		for (String p : asked) {
			try {
				JointAuthority a = JointAuthority.valueOf(p);
				if (a == JointAuthority.HEALTH) {
					throw new IllegalArgumentException(p);
				}
				chosen.add(a);
			}
			catch (IllegalArgumentException | NullPointerException e) {
				errors.add(new FieldMessage("partners", "联合检查的部门须为 MARKET（市场监管）或 DRUG（药品监管）"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		RegulatedEntity e = entity.get();
		jdbc.sql("""
				INSERT INTO supervision_joint_inspection (id, uscc, entity_name, planned_on, scope, created_by, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, e.uscc(), e.name(), Date.valueOf(n.plannedOn()), n.scope().strip(), actor, Timestamp.from(now))
			.update();
		for (JointAuthority a : chosen) {
			jdbc.sql("""
					INSERT INTO supervision_joint_part (joint_id, authority, idempotency_key, status, next_attempt_at)
					VALUES (?, ?, ?, 'SENDING', ?)""").params(id, a.name(), UUID.randomUUID(), Timestamp.from(now)).update();
		}
		String detail = "联合检查计划：" + e.name() + "（" + e.uscc() + "），" + n.plannedOn() + "；内容：" + n.scope().strip()
				+ "；联合部门：" + String.join("、", chosen.stream().map(JointAuthority::label).toList());
		records.append(Subject.JOINT_INSPECTION, id, "PLANNED", actor, detail, Sm3.hex(detail));
		audit.record("supervision.joint-inspection.plan", "joint-inspection", id, null,
				Map.of("uscc", e.uscc(), "partners", chosen.toString()));
		return find(id).orElseThrow();
	}

	/** This institute's findings of the one visit. */
	@Transactional
	public JointInspection visit(UUID id, String findings, String actor) {
		JointInspection j = find(id).orElseThrow(() -> Problem.notFound("未找到该联合检查。"));
		if (j.visitedAt() != null) {
			throw Problem.conflict("本所的检查结果已于 " + j.visitedAt() + " 登记，不能重复登记。").with("allowedActions", List.of());
		}
		if (findings == null || findings.isBlank()) {
			throw Problem.invalid("findings", "请填写本所的检查结果");
		}
		if (findings.length() > 4000) {
			throw Problem.invalid("findings", "检查结果不超过 4000 字");
		}
		Instant now = clock.instant();
		jdbc.sql("UPDATE supervision_joint_inspection SET visited_at = ?, visited_by = ?, health_findings = ? WHERE id = ?")
			.params(Timestamp.from(now), actor, findings.strip(), id).update();
		records.append(Subject.JOINT_INSPECTION, id, "FINDINGS:HEALTH", actor, "本所检查结果：" + findings.strip(),
				Sm3.hex(findings.strip()));
		audit.record("supervision.joint-inspection.visit", "joint-inspection", id, null, Map.of("by", actor));
		return find(id).orElseThrow();
	}

	/**
	 * Moves every due part one step: sends the plan, or asks for findings. Each part in its own transaction, locked
	 * with {@code SKIP LOCKED} so that two instances never work on the same part. Answers how many parts moved.
	 */
	public int relayDue() {
		record Due(UUID joint, JointAuthority authority) {
		}
		List<Due> due = jdbc.sql("SELECT joint_id, authority FROM supervision_joint_part WHERE status <> 'FINDINGS' "
				+ "AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 200").param(Timestamp.from(clock.instant()))
			.query((rs, i) -> new Due(rs.getObject(1, UUID.class), JointAuthority.valueOf(rs.getString(2)))).list();
		int moved = 0;
		for (Due d : due) {
			Boolean ok = tx.execute(s -> relay(d.joint(), d.authority()));
			if (Boolean.TRUE.equals(ok)) {
				moved++;
			}
		}
		return moved;
	}

	private boolean relay(UUID joint, JointAuthority authority) {
		record Row(String status, UUID key, int attempts) {
		}
		Optional<Row> locked = jdbc.sql("SELECT status, idempotency_key, attempts FROM supervision_joint_part "
				+ "WHERE joint_id = ? AND authority = ? AND status <> 'FINDINGS' AND next_attempt_at <= ? FOR UPDATE SKIP LOCKED")
			.params(joint, authority.name(), Timestamp.from(clock.instant()))
			.query((rs, i) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3))).optional();
		if (locked.isEmpty()) {
			return false;
		}
		Row row = locked.get();
		Instant now = clock.instant();
		try {
			if (row.status().equals("SENDING")) {
				String ref = partners.send(authority, sharedPlan(joint), row.key());
				jdbc.sql("UPDATE supervision_joint_part SET status = 'SENT', partner_ref = ?, sent_at = ?, attempts = 0, "
						+ "last_error = NULL, next_attempt_at = ? WHERE joint_id = ? AND authority = ?")
					.params(ref, Timestamp.from(now), Timestamp.from(now.plus(POLL)), joint, authority.name()).update();
				records.append(Subject.JOINT_INSPECTION, joint, "SENT:" + authority.name(), "system",
						"联合检查计划已送" + authority.label() + "，对方编号 " + ref, null);
				return true;
			}
			Optional<PartnerAuthorities.Findings> findings = partners.findings(authority, row.key());
			if (findings.isEmpty()) {
				jdbc.sql("UPDATE supervision_joint_part SET next_attempt_at = ? WHERE joint_id = ? AND authority = ?")
					.params(Timestamp.from(now.plus(POLL)), joint, authority.name()).update();
				return false;
			}
			PartnerAuthorities.Findings f = findings.get();
			String text = f.text().strip();
			jdbc.sql("UPDATE supervision_joint_part SET status = 'FINDINGS', findings = ?, findings_by = ?, findings_at = ?, "
					+ "last_error = NULL WHERE joint_id = ? AND authority = ?")
				.params(text, f.inspector(), Timestamp.from(now), joint, authority.name()).update();
			records.append(Subject.JOINT_INSPECTION, joint, "FINDINGS:" + authority.name(),
					authority.name() + ":" + (f.inspector() == null ? "" : f.inspector()),
					authority.label() + "检查结果：" + text, Sm3.hex(text));
			return true;
		}
		catch (PartnerAuthorities.Unavailable e) {
			int attempts = row.attempts() + 1;
			// back off 1, 2, 4 … minutes, at most an hour: a partner down for a day is tried about 30 times
			Duration wait = Duration.ofMinutes(Math.min(60, 1L << Math.min(attempts - 1, 6)));
			String error = e.getMessage() == null ? "" : e.getMessage();
			jdbc.sql("UPDATE supervision_joint_part SET attempts = ?, last_error = ?, next_attempt_at = ? "
					+ "WHERE joint_id = ? AND authority = ?")
				.params(attempts, error.length() > 500 ? error.substring(0, 500) : error, Timestamp.from(now.plus(wait)),
						joint, authority.name())
				.update();
			return false;
		}
	}

	private PartnerAuthorities.SharedPlan sharedPlan(UUID id) {
		JointInspection j = find(id).orElseThrow();
		String address = register.find(j.uscc()).map(RegulatedEntity::address).orElse("");
		return new PartnerAuthorities.SharedPlan(j.id(), j.uscc(), j.entityName(), address, j.plannedOn(), j.scope(),
				JointAuthority.HEALTH.label());
	}

	public Optional<JointInspection> find(UUID id) {
		return jdbc.sql("""
				SELECT id, uscc, entity_name, planned_on, scope, created_by, created_at, visited_at, visited_by, health_findings
				FROM supervision_joint_inspection WHERE id = ?""").param(id)
			.query((rs, i) -> {
				Timestamp visited = rs.getTimestamp(8);
				List<Part> parts = new ArrayList<>();
				parts.add(new Part(JointAuthority.HEALTH, JointAuthority.HEALTH.label(), visited == null ? "PLANNED" : "FINDINGS",
						0, null, null, null, rs.getString(10), visited == null ? null : visited.toInstant()));
				parts.addAll(partsOf(id));
				return new JointInspection(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getDate(4).toLocalDate(), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
						visited == null ? null : visited.toInstant(), rs.getString(9), parts);
			}).optional();
	}

	private List<Part> partsOf(UUID id) {
		return jdbc.sql("""
				SELECT authority, status, attempts, last_error, next_attempt_at, partner_ref, findings, findings_at
				FROM supervision_joint_part WHERE joint_id = ? ORDER BY authority""").param(id)
			.query((rs, i) -> {
				JointAuthority a = JointAuthority.valueOf(rs.getString(1));
				Timestamp at = rs.getTimestamp(8);
				return new Part(a, a.label(), rs.getString(2), rs.getInt(3), rs.getString(4),
						rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), at == null ? null : at.toInstant());
			}).list();
	}

	/** The most recent joint inspections. */
	public List<JointInspection> recent(int limit) {
		return jdbc.sql("SELECT id FROM supervision_joint_inspection ORDER BY created_at DESC, id LIMIT ?").param(limit)
			.query(UUID.class).list().stream().map(id -> find(id).orElseThrow()).toList();
	}

	/** Runs {@link #relayDue} every minute on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final JointInspections joint;

		Schedule(JointInspections joint) {
			this.joint = joint;
		}

		@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${tongban.supervision.joint.relay-every:PT1M}",
				initialDelayString = "PT1M")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "supervision-joint-relay", lockAtMostFor = "PT30M")
		void run() {
			joint.relayDue();
		}
	}
}
