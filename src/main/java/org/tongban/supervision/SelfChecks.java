package org.tongban.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * 合规体检: an enterprise answers its sector's list for its own entity and gets the risk points (every question
 * answered "no", with the risk, basis and fix); it then confirms the fixes, and a self-check whose risk points are
 * all fixed (or that found none) is completed: a {@code SELF_CHECK} credit event that the grading rules may count
 * as relief of the risk grade.
 */
@Service
public class SelfChecks {

	/** What the enterprise sends: its USCC and an answer (true 是 / false 否) to every question of its list. */
	public record Submission(String uscc, Map<String, Boolean> answers) {
	}

	/** Fixes confirmed: the risk points' codes and what was done. */
	public record Fixes(List<String> codes, String note) {
	}

	/** A question answered "no", as the list said when it was answered, and its fix once confirmed. */
	public record RiskPoint(String code, String question, String risk, String basis, String fix, String fixNote,
			Instant fixedAt) {

		public boolean fixed() {
			return fixedAt != null;
		}
	}

	/** A self-check: who, which list, the risk points; completed when every risk point's fix is confirmed. */
	public record SelfCheck(UUID id, String uscc, String entityName, Sector sector, int questions, Instant submittedAt,
			List<RiskPoint> risks, Instant completedAt) {

		public boolean completed() {
			return completedAt != null;
		}

		public long open() {
			return risks.stream().filter(r -> !r.fixed()).count();
		}
	}

	private final JdbcClient jdbc;
	private final SelfCheckList list;
	private final Register register;
	private final Grading grading;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;

	SelfChecks(JdbcClient jdbc, SelfCheckList list, Register register, Grading grading, AuditTrail audit, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.list = list;
		this.register = register;
		this.grading = grading;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * The entity an enterprise account may self-check: its own, by the USCC its account carries. Any other USCC is
	 * answered as not found (404), so that no one learns from the answer whether another business is registered.
	 */
	public RegulatedEntity ownEntity(String uscc, String accountUscc) {
		if (uscc == null || uscc.isBlank()) {
			throw Problem.invalid("uscc", "请填写本单位的统一社会信用代码");
		}
		String wanted = uscc.strip().toUpperCase();
		if (accountUscc == null || !wanted.equals(accountUscc.strip().toUpperCase())) {
			throw Problem.notFound("只能为本单位（账户登记的统一社会信用代码）做合规体检，未找到该单位。");
		}
		return register.find(wanted).orElseThrow(() -> Problem.notFound("监管对象名录中没有本单位，暂不能做合规体检。"));
	}

	/** The list the entity answers; a sector without a published list is refused. */
	public List<SelfCheckList.Question> listFor(RegulatedEntity entity) {
		List<SelfCheckList.Question> questions = list.of(entity.sector());
		if (questions.isEmpty()) {
			throw Problem.conflict("“" + entity.sectorLabel() + "”行业的合规体检清单尚未发布。");
		}
		return questions;
	}

	/** Answers the list for the account's own entity; the risk points at once, completed when there are none. */
	@Transactional
	public SelfCheck submit(Submission submission, String accountUscc, String actor) {
		if (submission == null) {
			throw Problem.invalid("uscc", "请填写本单位的统一社会信用代码并回答清单的每个问题");
		}
		RegulatedEntity entity = ownEntity(submission.uscc(), accountUscc);
		List<SelfCheckList.Question> questions = listFor(entity);
		Map<String, Boolean> answers = submission.answers() == null ? Map.of() : submission.answers();
		List<FieldMessage> errors = new ArrayList<>();
		Set<String> known = new LinkedHashSet<>();
		int n = 0;
		for (SelfCheckList.Question q : questions) {
			n++;
			known.add(q.code());
			if (answers.get(q.code()) == null) {
				errors.add(new FieldMessage("answers." + q.code(), "请回答第 " + n + " 题（" + q.code() + "）：" + q.question()));
			}
		}
		answers.keySet().stream().filter(code -> !known.contains(code)).sorted().forEach(code -> errors.add(
				new FieldMessage("answers." + code, "“" + entity.sectorLabel() + "”的合规体检清单中没有题目“" + code + "”")));
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		List<RiskPoint> risks = questions.stream().filter(q -> !answers.get(q.code()))
			.map(q -> new RiskPoint(q.code(), q.question(), q.risk(), q.basis(), q.fix(), null, null)).toList();
		Map<String, Boolean> ordered = new LinkedHashMap<>();
		questions.forEach(q -> ordered.put(q.code(), answers.get(q.code())));
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO supervision_self_check (id, uscc, sector, answers, risks, submitted_by, submitted_at)
				VALUES (?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""")
			.params(id, entity.uscc(), entity.sector().name(), json.writeValueAsString(ordered), json.writeValueAsString(risks),
					actor, Timestamp.from(clock.instant()))
			.update();
		audit.record("supervision.self-check.submit", "self-check", id, null,
				Map.of("uscc", entity.uscc(), "questions", questions.size(), "risks", risks.size()));
		if (risks.isEmpty()) {
			complete(id, entity.uscc(), 0, actor);
		}
		return find(id).orElseThrow();
	}

	/** Confirms the fixes of some of the self-check's open risk points; the last one completes it. */
	@Transactional
	public SelfCheck confirmFixes(UUID id, Fixes fixes, String accountUscc, String actor) {
		SelfCheck check = find(id).filter(c -> accountUscc != null && c.uscc().equals(accountUscc.strip().toUpperCase()))
			.orElseThrow(() -> Problem.notFound("未找到本单位的这次合规体检。"));
		jdbc.sql("SELECT id FROM supervision_self_check WHERE id = ? FOR UPDATE").param(id).query(UUID.class).single();
		check = find(id).orElseThrow();
		List<FieldMessage> errors = new ArrayList<>();
		Map<String, RiskPoint> byCode = new HashMap<>();
		check.risks().forEach(r -> byCode.put(r.code(), r));
		List<String> codes = fixes == null || fixes.codes() == null ? List.of() : fixes.codes();
		if (codes.isEmpty()) {
			errors.add(new FieldMessage("codes", check.open() == 0 ? "本次体检没有待整改的风险点" : "请勾选已整改的风险点"));
		}
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < codes.size(); i++) {
			String code = codes.get(i);
			RiskPoint r = code == null ? null : byCode.get(code);
			if (r == null) {
				errors.add(new FieldMessage("codes[" + i + "]", "“" + code + "”不是本次体检的风险点"));
			}
			else if (r.fixed()) {
				errors.add(new FieldMessage("codes[" + i + "]", "风险点“" + code + "”已于 " + r.fixedAt() + " 确认整改"));
			}
			else if (!seen.add(code)) {
				errors.add(new FieldMessage("codes[" + i + "]", "风险点“" + code + "”重复"));
			}
		}
		String note = fixes == null || fixes.note() == null ? "" : fixes.note().strip();
		if (note.isEmpty()) {
			errors.add(new FieldMessage("note", "请写明整改情况（做了什么、何时完成）"));
		}
		else if (note.length() > 500) {
			errors.add(new FieldMessage("note", "整改情况不超过 500 字"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Instant now = clock.instant();
		for (String code : seen) {
			jdbc.sql("""
					INSERT INTO supervision_self_check_fix (self_check_id, code, note, confirmed_by, confirmed_at)
					VALUES (?, ?, ?, ?, ?)""").params(id, code, note, actor, Timestamp.from(now)).update();
		}
		audit.record("supervision.self-check.fixes", "self-check", id, null, Map.of("codes", List.copyOf(seen)));
		SelfCheck after = find(id).orElseThrow();
		if (after.open() == 0 && !after.completed()) {
			complete(id, after.uscc(), after.risks().size(), actor);
		}
		return find(id).orElseThrow();
	}

	private void complete(UUID id, String uscc, int risks, String actor) {
		UUID event = grading.recordSelfCheck(uscc, "合规体检 " + id.toString().substring(0, 8) + " 已完成"
				+ (risks == 0 ? "，未发现风险点" : "，" + risks + " 个风险点均已确认整改"), "self-check:" + id, actor);
		jdbc.sql("UPDATE supervision_self_check SET completed_at = ?, credit_event = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), event, id).update();
	}

	public Optional<SelfCheck> find(UUID id) {
		Map<String, RiskPoint> fixes = new HashMap<>();
		jdbc.sql("SELECT code, note, confirmed_at FROM supervision_self_check_fix WHERE self_check_id = ?").param(id)
			.query(rs -> {
				fixes.put(rs.getString(1), new RiskPoint(rs.getString(1), null, null, null, null, rs.getString(2),
						rs.getTimestamp(3).toInstant()));
			});
		return jdbc.sql("""
				SELECT c.*, e.name FROM supervision_self_check c JOIN supervision_entity e ON e.uscc = c.uscc
				WHERE c.id = ?""").param(id).query((rs, i) -> map(rs, fixes)).optional();
	}

	/** The entity's self-checks, newest first. */
	public List<SelfCheck> of(String uscc) {
		return jdbc.sql("SELECT id FROM supervision_self_check WHERE uscc = ? ORDER BY submitted_at DESC LIMIT 50")
			.param(uscc).query(UUID.class).list().stream().map(id -> find(id).orElseThrow()).toList();
	}

	private SelfCheck map(ResultSet rs, Map<String, RiskPoint> fixes) throws SQLException {
		List<RiskPoint> risks = json.readValue(rs.getString("risks"), new TypeReference<List<RiskPoint>>() {
		});
		Map<String, Boolean> answers = json.readValue(rs.getString("answers"), new TypeReference<Map<String, Boolean>>() {
		});
		List<RiskPoint> merged = risks.stream().map(r -> {
			RiskPoint f = fixes.get(r.code());
			return f == null ? r : new RiskPoint(r.code(), r.question(), r.risk(), r.basis(), r.fix(), f.fixNote(), f.fixedAt());
		}).toList();
		Timestamp completed = rs.getTimestamp("completed_at");
		return new SelfCheck(rs.getObject("id", UUID.class), rs.getString("uscc"), rs.getString("name"),
				Sector.valueOf(rs.getString("sector")), answers.size(), rs.getTimestamp("submitted_at").toInstant(), merged,
				completed == null ? null : completed.toInstant());
	}
}
