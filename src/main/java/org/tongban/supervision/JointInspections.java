package org.tongban.supervision;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Outbox;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;
import org.tongban.supervision.EnforcementRecords.Subject;

/**
 * 联合检查 (task 27: medical beauty with market regulation and drug administration): one shared plan, one visit,
 * findings per authority. The commission's planner makes the plan; it goes to each partner authority through
 * {@link PartnerAuthorities} after commit, and a partner that is down or slow is tried again with backoff under the
 * same share id, so it never gets the plan twice. The commission's inspectors record its own findings; partners send
 * theirs through the callback. A finding is recorded once per authority and entity and never changed; every step is
 * in the full-process record.
 */
@Service
public class JointInspections {

	private static final Log log = LogFactory.getLog(JointInspections.class);

	/** The commission itself, beside the partners. */
	public static final String HEALTH = "HEALTH";
	static final String HEALTH_NAME = "浦东新区卫生健康委员会";
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** What the planner asks. */
	public record Request(String title, String sector, List<String> usccs, List<String> authorities, LocalDate visitOn) {
	}

	/** One authority's finding on one entity. */
	public record Finding(String authority, String authorityName, String uscc, String outcome, String findings,
			String reference, String recordedBy, Instant recordedAt) {
	}

	/** How the plan reached one partner. */
	public record Share(UUID id, String authority, String authorityName, String status, int attempts, String lastError,
			String partnerRef, Instant sharedAt) {
	}

	/** An entity of the plan with each authority's finding so far. */
	public record Visit(String uscc, String name, String address, List<Finding> findings) {

		/** The authority's finding on this entity, or null while it has none. */
		public Finding of(String authority) {
			return findings.stream().filter(f -> f.authority().equals(authority)).findFirst().orElse(null);
		}
	}

	/** A joint inspection as staff see it. */
	public record Joint(UUID id, String title, Sector sector, LocalDate visitOn, String createdBy, Instant createdAt,
			List<Share> shares, List<Visit> visits) {

		/** Every authority of the plan, the commission first. */
		public List<String> authorities() {
			List<String> out = new ArrayList<>(List.of(HEALTH));
			shares.forEach(s -> out.add(s.authority()));
			return out;
		}

		public String authorityName(String code) {
			return HEALTH.equals(code) ? HEALTH_NAME : shares.stream().filter(s -> s.authority().equals(code))
				.map(Share::authorityName).findFirst().orElse(code);
		}
	}

	/** A recorded (or already recorded) finding. */
	public record Recorded(Finding finding, boolean recorded) {
	}

	private final JdbcClient jdbc;
	private final Register register;
	private final PartnerAuthorities partners;
	private final EnforcementRecords records;
	private final AuditTrail audit;
	private final Clock clock;
	private final TransactionTemplate tx;
	private final Outbox outbox;

	JointInspections(JdbcClient jdbc, Register register, PartnerAuthorities partners, EnforcementRecords records,
			AuditTrail audit, Clock clock, TransactionTemplate tx) {
		this.tx = tx;
		this.outbox = new Outbox(jdbc, clock, "supervision_joint_share");
		this.jdbc = jdbc;
		this.register = register;
		this.partners = partners;
		this.records = records;
		this.audit = audit;
		this.clock = clock;
	}

	public List<PartnerAuthorities.Partner> partners() {
		return partners.partners();
	}

	/** Makes the plan; it is sent to each partner once the transaction commits. */
	@Transactional
	public Joint plan(Request r, String actor) {
		List<FieldMessage> errors = new ArrayList<>();
		String title = r == null || r.title() == null ? "" : r.title().strip();
		if (title.isEmpty() || title.length() > 100) {
			errors.add(new FieldMessage("title", "请填写检查名称（不超过 100 字）"));
		}
		Sector sector = null;
		try {
			sector = r == null || r.sector() == null ? null : Sector.valueOf(r.sector().strip());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (sector == null) {
			errors.add(new FieldMessage("sector", "请选择行业（如 MEDICAL_BEAUTY 医疗美容）"));
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
		if (r == null || r.visitOn() == null) {
			errors.add(new FieldMessage("visitOn", "请填写联合检查日期"));
		}
		else if (r.visitOn().isBefore(today)) {
			errors.add(new FieldMessage("visitOn", "联合检查日期不能早于今天"));
		}
		Set<String> known = new HashSet<>();
		partners.partners().forEach(p -> known.add(p.code()));
		List<String> authorities = r == null || r.authorities() == null ? List.of() : r.authorities();
		if (authorities.isEmpty()) {
			errors.add(new FieldMessage("authorities", "请选择至少一个联合检查的部门"));
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (int i = 0; i < authorities.size(); i++) {
			String a = authorities.get(i) == null ? "" : authorities.get(i).strip();
			if (!known.contains(a)) {
				errors.add(new FieldMessage("authorities[" + i + "]", "“" + a + "”不是可联合检查的部门（可选 " + String.join("、", known) + "）"));
			}
			else if (!chosen.add(a)) {
				errors.add(new FieldMessage("authorities[" + i + "]", "部门“" + a + "”重复"));
			}
		}
		List<String> usccs = r == null || r.usccs() == null ? List.of() : r.usccs();
		if (usccs.isEmpty() || usccs.size() > 200) {
			errors.add(new FieldMessage("usccs", "请列出 1 至 200 个检查对象的统一社会信用代码"));
		}
		List<RegulatedEntity> entities = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < usccs.size() && usccs.size() <= 200; i++) {
			String u = usccs.get(i) == null ? "" : usccs.get(i).strip().toUpperCase();
			Optional<RegulatedEntity> e = register.find(u);
			if (e.isEmpty()) {
				errors.add(new FieldMessage("usccs[" + i + "]", "监管对象名录中没有“" + u + "”"));
			}
			else if (sector != null && e.get().sector() != sector) {
				errors.add(new FieldMessage("usccs[" + i + "]", "“" + e.get().name() + "”属于" + e.get().sectorLabel() + "行业，不是本次检查的行业"));
			}
			else if (!seen.add(u)) {
				errors.add(new FieldMessage("usccs[" + i + "]", "“" + u + "”重复"));
			}
			else {
				entities.add(e.get());
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO supervision_joint_inspection (id, title, sector, visit_on, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, title, sector.name(), Date.valueOf(r.visitOn()), actor, Timestamp.from(now)).update();
		for (RegulatedEntity e : entities) {
			jdbc.sql("INSERT INTO supervision_joint_entity (joint_id, uscc) VALUES (?, ?)").params(id, e.uscc()).update();
		}
		List<UUID> shares = new ArrayList<>();
		for (String a : chosen) {
			UUID share = UUID.randomUUID();
			shares.add(share);
			jdbc.sql("INSERT INTO supervision_joint_share (id, joint_id, authority, status, next_attempt_at) "
					+ "VALUES (?, ?, ?, 'PENDING', ?)").params(share, id, a, Timestamp.from(now)).update();
		}
		records.append(Subject.JOINT_INSPECTION, id, "PLANNED", actor, "制定联合检查计划：" + title + "，" + r.visitOn()
				+ "，部门 " + String.join("、", chosen) + "，对象 " + entities.size() + " 户", null);
		audit.record("supervision.joint.plan", "joint-inspection", id, null,
				Map.of("authorities", List.copyOf(chosen), "entities", entities.size()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				shares.forEach(JointInspections.this::send);
			}
		});
		return find(id).orElseThrow();
	}

	public Optional<Joint> find(UUID id) {
		return jdbc.sql("SELECT id, title, sector, visit_on, created_by, created_at FROM supervision_joint_inspection WHERE id = ?")
			.param(id).query((rs, i) -> new Joint(rs.getObject(1, UUID.class), rs.getString(2), Sector.valueOf(rs.getString(3)),
					rs.getDate(4).toLocalDate(), rs.getString(5), rs.getTimestamp(6).toInstant(), List.of(), List.of()))
			.optional().map(j -> new Joint(j.id(), j.title(), j.sector(), j.visitOn(), j.createdBy(), j.createdAt(),
					shares(j.id()), visits(j.id())));
	}

	/** The latest joint inspections, newest visit first. */
	public List<Joint> recent() {
		return jdbc.sql("SELECT id FROM supervision_joint_inspection ORDER BY visit_on DESC, created_at DESC LIMIT 100")
			.query(UUID.class).list().stream().map(id -> find(id).orElseThrow()).toList();
	}

	/** The commission's own finding on an entity of the plan, by its inspector or planner. */
	@Transactional
	public Recorded recordOwn(UUID id, String uscc, String outcome, String findings, String actor) {
		return record(id, HEALTH, uscc, outcome, findings, null, actor);
	}

	/** A partner's finding, through the callback (its secret checked by the caller). */
	@Transactional
	public Recorded recordPartner(UUID id, String authority, String uscc, String outcome, String findings,
			String reference) {
		return record(id, authority, uscc, outcome, findings, reference, authority);
	}

	private Recorded record(UUID id, String authority, String uscc, String outcome, String findings, String reference,
			String actor) {
		Joint joint = find(id).orElseThrow(() -> Problem.notFound("未找到该联合检查。"));
		List<FieldMessage> errors = new ArrayList<>();
		if (!joint.authorities().contains(authority)) {
			errors.add(new FieldMessage("authority", "“" + authority + "”不是本次联合检查的部门"));
		}
		String u = uscc == null ? "" : uscc.strip().toUpperCase();
		if (joint.visits().stream().noneMatch(v -> v.uscc().equals(u))) {
			errors.add(new FieldMessage("uscc", "“" + u + "”不是本次联合检查的对象"));
		}
		if (!"COMPLIANT".equals(outcome) && !"NON_COMPLIANT".equals(outcome)) {
			errors.add(new FieldMessage("outcome", "检查结论须为 COMPLIANT（未发现问题）或 NON_COMPLIANT（发现问题）"));
		}
		String text = findings == null ? "" : findings.strip();
		if (text.isEmpty() || text.length() > 2000) {
			errors.add(new FieldMessage("findings", "请写明检查情况（不超过 2000 字）"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Instant now = clock.instant();
		int inserted = jdbc.sql("""
				INSERT INTO supervision_joint_finding (joint_id, authority, uscc, outcome, findings, reference, recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(id, authority, u, outcome, text, reference, actor, Timestamp.from(now)).update();
		Finding finding = findings(id).stream().filter(f -> f.authority().equals(authority) && f.uscc().equals(u))
			.findFirst().orElseThrow();
		if (inserted == 0) {
			if (finding.outcome().equals(outcome) && finding.findings().equals(text)) {
				return new Recorded(finding, false);
			}
			throw Problem.conflict(finding.authorityName() + "对该单位的检查结果已于 " + finding.recordedAt()
					+ " 记录，不能更改；如有补充，请另行立案或记录。");
		}
		records.append(Subject.JOINT_INSPECTION, id, "FINDING", actor, finding.authorityName() + " 对 " + u + "："
				+ ("COMPLIANT".equals(outcome) ? "未发现问题" : "发现问题"), Sm3.hex(text));
		audit.recordAs(actor, "supervision.joint.finding", "joint-inspection", id, null,
				Map.of("authority", authority, "uscc", u, "outcome", outcome));
		return new Recorded(finding, true);
	}

	/** Whether the partner's callback carries its secret. */
	public boolean callbackAuthentic(String authority, String token) {
		return partners.callbackAuthentic(authority, token);
	}

	/** Sends every PENDING share that is due; returns how many partners took theirs. */
	public int retryDue() {
		return outbox.sendDue(this::attempt);
	}

	boolean send(UUID share) {
		return outbox.sendNow(share, this::attempt);
	}

	/** One try, outside any transaction: the partner's answer is not held up by a database lock. */
	private boolean attempt(UUID share) {
		var row = jdbc.sql("SELECT joint_id, authority FROM supervision_joint_share WHERE id = ?").param(share)
			.query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).single();
		Joint j = find(row.getKey()).orElseThrow();
		List<PartnerAuthorities.Entity> entities = j.visits().stream()
			.map(v -> new PartnerAuthorities.Entity(v.uscc(), v.name(), v.address())).toList();
		try {
			String reference = partners.share(row.getValue(), new PartnerAuthorities.SharedPlan(share, j.id(), j.title(),
					j.sector().name(), j.visitOn(), entities, j.authorities()));
			int updated = jdbc.sql("""
					UPDATE supervision_joint_share SET status = 'SHARED', attempts = attempts + 1, partner_ref = ?,
					    shared_at = ?, last_error = NULL WHERE id = ? AND status = 'PENDING'""")
				.params(reference, Timestamp.from(clock.instant()), share).update();
			if (updated > 0) {
				tx.executeWithoutResult(
						s -> records.append(Subject.JOINT_INSPECTION, j.id(), "SHARED", "system",
								"计划已送达 " + name(row.getValue()) + "，对方编号 " + reference, null));
			}
			return true;
		}
		catch (PartnerAuthorities.Unavailable e) {
			Outbox.Failure f = outbox.failed(share, e.getMessage());
			log.warn("joint plan share " + share + " failed (attempt " + f.attempts() + "), retried in " + f.pause() + ": "
					+ f.error());
			return false;
		}
	}

	private String name(String authority) {
		if (HEALTH.equals(authority)) {
			return HEALTH_NAME;
		}
		return partners.partners().stream().filter(p -> p.code().equals(authority)).map(PartnerAuthorities.Partner::name)
			.findFirst().orElse(authority);
	}

	private List<Share> shares(UUID id) {
		return jdbc.sql("SELECT id, authority, status, attempts, last_error, partner_ref, shared_at FROM supervision_joint_share "
				+ "WHERE joint_id = ? ORDER BY authority").param(id)
			.query((rs, i) -> new Share(rs.getObject(1, UUID.class), rs.getString(2), name(rs.getString(2)), rs.getString(3),
					rs.getInt(4), rs.getString(5), rs.getString(6),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
			.list();
	}

	private List<Finding> findings(UUID id) {
		return jdbc.sql("SELECT authority, uscc, outcome, findings, reference, recorded_by, recorded_at FROM supervision_joint_finding "
				+ "WHERE joint_id = ? ORDER BY recorded_at").param(id)
			.query((rs, i) -> new Finding(rs.getString(1), name(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
			.list();
	}

	private List<Visit> visits(UUID id) {
		Map<String, List<Finding>> byEntity = new LinkedHashMap<>();
		findings(id).forEach(f -> byEntity.computeIfAbsent(f.uscc(), k -> new ArrayList<>()).add(f));
		return jdbc.sql("SELECT e.uscc, e.name, e.address FROM supervision_joint_entity j JOIN supervision_entity e "
				+ "ON e.uscc = j.uscc WHERE j.joint_id = ? ORDER BY e.uscc").param(id)
			.query((rs, i) -> new Visit(rs.getString(1), rs.getString(2), rs.getString(3),
					byEntity.getOrDefault(rs.getString(1), List.of())))
			.list();
	}

	/** Runs {@link #retryDue} every minute on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final JointInspections joints;

		Schedule(JointInspections joints) {
			this.joints = joints;
		}

		@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${tongban.supervision.partners.retry-every:PT1M}",
				initialDelayString = "PT1M")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "supervision-joint-share", lockAtMostFor = "PT30M")
		void run() {
			joints.retryDue();
		}
	}
}
