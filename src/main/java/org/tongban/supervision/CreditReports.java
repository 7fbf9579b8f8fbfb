package org.tongban.supervision;

import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.licences.DocumentSignatures;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;

import tools.jackson.databind.json.JsonMapper;

/**
 * 专用信用报告 (task 19): in place of a certificate of no violations, an entity's record in the commission's
 * health-supervision field over a period of one to three years, ending on the day of issue: its penalties, false
 * commitments, substantiated complaints and good records, its grades with their reasons, and the conclusion. The
 * report is a signed snapshot (SM3withSM2 with the commission's licence key over its canonical JSON), numbered, with a
 * check code; anyone holding the number and the code verifies it like a licence.
 */
@Service
public class CreditReports {

	/** What is asked: whose report, for what use, over how many years (1–3, default 3). */
	public record Request(String uscc, String purpose, Integer years) {
	}

	/** One credit event in the period, as the report lists it. */
	public record Entry(String kind, String label, LocalDate occurredOn, String note) {
	}

	/** What the report says; the canonical JSON of this record is what is signed. */
	public record Content(String number, String authority, String uscc, String entityName, String sector,
			String sectorLabel, String address, String purpose, LocalDate periodFrom, LocalDate periodTo,
			LocalDate issuedOn, String creditGrade, String riskGrade, String combinedClass, List<Grade.Reason> reasons,
			List<Entry> violations, List<Entry> goodRecords, boolean clean, String conclusion, String basis) {
	}

	/** An issued report: its content as signed, the signature, and who issued it when. */
	public record Report(UUID id, String number, String checkCode, Content content, String canonical,
			String signature, String issuedBy, Instant issuedAt) {

		public String canonicalSm3() {
			return Sm3.hex(canonical);
		}
	}

	static final String AUTHORITY = "上海市浦东新区卫生健康委员会";
	static final String BASIS = "《上海市社会信用条例》第二十二条、第三十条；《上海市公共信用信息归集和使用管理办法》；"
			+ "本市以专用信用报告替代有无违法记录证明的有关规定（以法制部门核定的文件为准）";
	/** Kinds that are violations (they make a report not clean); the rest are good records. */
	static final List<String> VIOLATIONS = List.of("PENALTY", "COMMITMENT_BROKEN", "COMPLAINT");
	private static final Map<String, String> LABELS = Map.of("SELF_CHECK", "完成合规体检且风险点全部确认整改");
	private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final Register register;
	private final GradingRules rules;
	private final DocumentSignatures signatures;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	CreditReports(JdbcClient jdbc, Register register, GradingRules rules, DocumentSignatures signatures,
			AuditTrail audit, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.rules = rules;
		this.signatures = signatures;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/** Issues a report for a registered entity; the caller has checked that the asker may have it. */
	@Transactional
	public Report issue(Request request, String actor) {
		List<FieldMessage> errors = new ArrayList<>();
		String purpose = request == null || request.purpose() == null ? "" : request.purpose().strip();
		if (purpose.isEmpty()) {
			errors.add(new FieldMessage("purpose", "请写明报告用途（如招投标、融资、评优评先）"));
		}
		else if (purpose.length() > 100) {
			errors.add(new FieldMessage("purpose", "报告用途不超过 100 字"));
		}
		int years = request == null || request.years() == null ? 3 : request.years();
		if (years < 1 || years > 3) {
			errors.add(new FieldMessage("years", "报告期为 1 至 3 年"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		RegulatedEntity entity = register.find(request.uscc() == null ? "" : request.uscc().strip().toUpperCase())
			.orElseThrow(() -> Problem.notFound("监管对象名录中没有该单位。"));
		Instant now = clock.instant();
		LocalDate today = LocalDate.ofInstant(now, ZONE);
		LocalDate from = today.minusYears(years).plusDays(1);
		long seq = jdbc.sql("SELECT nextval('supervision_credit_report_seq')").query(Long.class).single();
		String number = "XYBG" + today.getYear() + String.format("%06d", seq);
		List<Entry> violations = new ArrayList<>();
		List<Entry> good = new ArrayList<>();
		for (Entry e : eventsIn(entity.uscc(), from, today)) {
			(VIOLATIONS.contains(e.kind()) ? violations : good).add(e);
		}
		boolean clean = violations.isEmpty();
		String period = chinese(from) + "至" + chinese(today);
		String conclusion = clean
				? "报告期（" + period + "）内，未发现该单位在本委卫生健康监督执法领域受到行政处罚、告知承诺核查不实或经查属实的投诉举报的记录。"
				: "报告期（" + period + "）内，该单位在本委卫生健康监督执法领域有 " + violations.size() + " 条失信或违法违规记录，详见下表。";
		Content content = new Content(number, AUTHORITY, entity.uscc(), entity.name(), entity.sector().name(),
				entity.sectorLabel(), entity.address(), purpose, from, today, today, entity.credit(), entity.risk(),
				entity.combined(), entity.reasons() == null ? List.of() : entity.reasons(), violations, good, clean,
				conclusion, BASIS);
		String canonical = json.writeValueAsString(content);
		String signature = signatures.sign(canonical);
		String code = checkCode();
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO supervision_credit_report (id, number, check_code, uscc, purpose, period_from, period_to,
				    canonical, signature, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, number, code, entity.uscc(), purpose, Date.valueOf(from), Date.valueOf(today), canonical,
					signature, actor, Timestamp.from(now))
			.update();
		audit.record("supervision.credit-report.issue", "entity", entity.uscc(), null,
				Map.of("number", number, "years", years, "clean", clean));
		return find(id).orElseThrow();
	}

	public Optional<Report> find(UUID id) {
		return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(this::row).optional();
	}

	/** The entity's reports, newest first. */
	public List<Report> of(String uscc) {
		return jdbc.sql(SELECT + "WHERE uscc = ? ORDER BY issued_at DESC, number DESC LIMIT 100")
			.param(uscc == null ? "" : uscc.strip().toUpperCase()).query(this::row).list();
	}

	/**
	 * Public verification: the report whose number and check code both match, or nothing (an unknown number and a
	 * wrong code look the same). The code is compared in constant time.
	 */
	public Optional<Report> verify(String number, String code) {
		if (number == null || code == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "WHERE number = ?").param(number.strip()).query(this::row).optional()
			.filter(r -> java.security.MessageDigest.isEqual(r.checkCode().getBytes(),
					code.strip().toUpperCase().getBytes()));
	}

	/** Whether the stored signature still verifies over the stored canonical text. */
	public boolean signatureValid(Report r) {
		return signatures.verify(r.canonical(), r.signature());
	}

	public String publicKeyPem() {
		return signatures.publicKeyPem();
	}

	private List<Entry> eventsIn(String uscc, LocalDate from, LocalDate to) {
		GradingRules.Rules current = rules.current();
		return jdbc.sql("""
				SELECT kind, occurred_on, note FROM supervision_credit_event
				WHERE uscc = ? AND occurred_on BETWEEN ? AND ? ORDER BY occurred_on, recorded_at""")
			.params(uscc, Date.valueOf(from), Date.valueOf(to))
			.query((rs, i) -> {
				String kind = rs.getString(1);
				GradingRules.CreditRule rule = current.events().get(kind);
				String label = rule != null ? rule.label() : LABELS.getOrDefault(kind, kind);
				return new Entry(kind, label, rs.getDate(2).toLocalDate(), rs.getString(3));
			}).list();
	}

	private static final String SELECT = "SELECT id, number, check_code, canonical, signature, issued_by, issued_at "
			+ "FROM supervision_credit_report ";

	private Report row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		String canonical = rs.getString(4);
		return new Report(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
				json.readValue(canonical, Content.class), canonical, rs.getString(5), rs.getString(6),
				rs.getTimestamp(7).toInstant());
	}

	private String checkCode() {
		char[] c = new char[8];
		for (int i = 0; i < c.length; i++) {
			c[i] = CODE_ALPHABET[random.nextInt(CODE_ALPHABET.length)];
		}
		return new String(c);
	}

	static String chinese(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}
}
