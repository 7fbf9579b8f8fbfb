package org.tongban.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;
import org.tongban.supervision.EnforcementRecords.Subject;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inspection as the two inspectors drawn for it carry it out: the sector's form item by item, photos, the
 * findings, and — when an item does not comply — the rectification order and its follow-up. Only the assigned
 * inspectors see and record it (anyone else: not found); planners see every inspection but record none.
 */
@Service
public class Inspections {

	/** What an inspector records for an item. */
	public enum Result {
		COMPLIANT("符合"), NON_COMPLIANT("不符合"), NOT_APPLICABLE("不适用");

		private final String label;

		Result(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** Where an inspection stands, as 一公开 publishes it. */
	public enum Outcome {
		NOT_INSPECTED("未检查"), COMPLIANT("合格"), RECTIFY("责令改正"), RECTIFIED("已整改");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** One item's answer: {@code result} a {@link Result} code. */
	public record Answer(String result, String note) {
	}

	/** The finished form; {@code workingDays} and {@code requirement} make the order when an item does not comply. */
	public record Finish(Map<String, Answer> items, String findings, Integer workingDays, String requirement) {
	}

	/** An item as recorded, with the form's text and basis at the time. */
	public record RecordedItem(String code, String item, String basis, String result, String resultLabel, String note) {
	}

	/** An inspection with everything recorded on it. */
	public record Inspection(UUID id, UUID drawId, String sector, String sectorLabel, String period, String uscc,
			String name, String address, String street, String grade, List<String> inspectors, Outcome outcome,
			String outcomeLabel, String formVersion, List<RecordedItem> items, String findings, String finishedBy,
			Instant finishedAt, List<InspectionPhotos.Photo> photos, RectificationOrders.Order order) {

		public boolean finished() {
			return finishedAt != null;
		}
	}

	static final int MAX_NOTE = 500;
	static final int MAX_FINDINGS = 2000;

	private record Base(UUID id, UUID drawId, Sector sector, String period, String uscc, String name, String address,
			String street, String grade, List<String> inspectors) {
	}

	private static final String BASE = """
			SELECT i.id, i.draw_id, p.sector, p.period, i.uscc, e.name, e.address, e.street, i.class, i.inspector1,
			  i.inspector2
			FROM supervision_inspection i JOIN supervision_draw d ON d.id = i.draw_id
			JOIN supervision_plan p ON p.id = d.plan_id LEFT JOIN supervision_entity e ON e.uscc = i.uscc
			WHERE i.id = ?""";

	private final JdbcClient jdbc;
	private final Inspectors inspectors;
	private final InspectionForms forms;
	private final InspectionPhotos photos;
	private final RectificationOrders orders;
	private final EnforcementRecords records;
	private final JsonMapper json;
	private final Clock clock;

	Inspections(JdbcClient jdbc, Inspectors inspectors, InspectionForms forms, InspectionPhotos photos,
			RectificationOrders orders, EnforcementRecords records, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.inspectors = inspectors;
		this.forms = forms;
		this.photos = photos;
		this.orders = orders;
		this.records = records;
		this.json = json;
		this.clock = clock;
	}

	/** The inspection, if the caller may see it: one of its two inspectors, or a planner. */
	public Optional<Inspection> visible(UUID id, String username, boolean planner) {
		return base(id, false).filter(b -> planner || assigned(b, username)).map(this::view);
	}

	/** Whether the account is one of the inspection's two inspectors (who alone record on it). */
	public boolean assigned(UUID id, String username) {
		return base(id, false).map(b -> assigned(b, username)).orElse(false);
	}

	/** The full-process record of an inspection the caller may see. */
	public List<EnforcementRecords.Step> record(UUID id, String username, boolean planner) {
		visible(id, username, planner).orElseThrow(Inspections::notFound);
		return records.of(Subject.INSPECTION, id);
	}

	/** Records the form and the findings and finishes the inspection (an order when an item does not comply). */
	@Transactional
	public Inspection finish(UUID id, String username, boolean planner, Finish body) {
		Base b = actor(id, username, planner);
		if (jdbc.sql("SELECT count(*) FROM supervision_inspection_result WHERE inspection_id = ?").param(id)
			.query(Long.class).single() > 0) {
			throw Problem.conflict("本次检查已经完成，检查结果不能修改。");
		}
		InspectionForms.Form form = forms.of(b.sector());
		List<FieldMessage> errors = new ArrayList<>();
		Map<String, Answer> answers = body == null || body.items() == null ? Map.of() : body.items();
		List<RecordedItem> recorded = new ArrayList<>();
		for (String code : answers.keySet()) {
			if (form.items().stream().noneMatch(i -> i.code().equals(code))) {
				errors.add(new FieldMessage("items." + code, "检查表中没有项目“" + code + "”（" + b.sector().label() + "检查表 "
						+ form.version() + "）"));
			}
		}
		int n = 0;
		for (InspectionForms.Item item : form.items()) {
			n++;
			String field = "items." + item.code();
			String which = "第 " + n + " 项“" + item.item() + "”";
			Answer a = answers.get(item.code());
			Result result = a == null || a.result() == null ? null : parse(a.result());
			String note = a == null || a.note() == null ? "" : a.note().strip();
			if (a == null || a.result() == null || a.result().isBlank()) {
				errors.add(new FieldMessage(field, which + "未填写检查结果（符合、不符合或不适用）"));
			}
			else if (result == null) {
				errors.add(new FieldMessage(field, which + "的检查结果“" + a.result() + "”无效，须为符合、不符合或不适用"));
			}
			else if (result == Result.NON_COMPLIANT && note.isEmpty()) {
				errors.add(new FieldMessage(field, which + "不符合，请写明发现的具体问题"));
			}
			if (note.length() > MAX_NOTE) {
				errors.add(new FieldMessage(field, which + "的说明超过 " + MAX_NOTE + " 字"));
			}
			if (result != null) {
				recorded.add(new RecordedItem(item.code(), item.item(), item.basis(), result.name(), result.label(), note));
			}
		}
		String findings = body == null || body.findings() == null ? "" : body.findings().strip();
		if (findings.isEmpty()) {
			errors.add(new FieldMessage("findings", "请填写检查结论（现场检查情况）"));
		}
		else if (findings.length() > MAX_FINDINGS) {
			errors.add(new FieldMessage("findings", "检查结论超过 " + MAX_FINDINGS + " 字"));
		}
		List<RecordedItem> failing = recorded.stream().filter(r -> r.result().equals(Result.NON_COMPLIANT.name())).toList();
		String requirement = body == null || body.requirement() == null ? "" : body.requirement().strip();
		if (!failing.isEmpty()) {
			if (body.workingDays() == null || body.workingDays() < 1 || body.workingDays() > 60) {
				errors.add(new FieldMessage("workingDays", "有不符合项，须责令改正：请填写整改期限（1–60 个工作日）"));
			}
			if (requirement.isEmpty()) {
				errors.add(new FieldMessage("requirement", "有不符合项，须责令改正：请写明整改要求"));
			}
			else if (requirement.length() > MAX_FINDINGS) {
				errors.add(new FieldMessage("requirement", "整改要求超过 " + MAX_FINDINGS + " 字"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String items = json.writeValueAsString(recorded);
		jdbc.sql("""
				INSERT INTO supervision_inspection_result (inspection_id, form_version, items, findings, compliant,
				  finished_by, finished_at) VALUES (?, ?, CAST(? AS jsonb), ?, ?, ?, ?)""")
			.params(id, form.version(), items, findings, failing.isEmpty(), username, Timestamp.from(now)).update();
		long yes = recorded.stream().filter(r -> r.result().equals(Result.COMPLIANT.name())).count();
		records.append(Subject.INSPECTION, id, "INSPECTED", username, "现场检查完成（" + b.sector().label() + "检查表 "
				+ form.version() + "）：符合 " + yes + " 项，不符合 " + failing.size() + " 项，不适用 "
				+ (recorded.size() - yes - failing.size()) + " 项。检查结论：" + findings,
				Sm3.hex(form.version() + "\u001f" + items + "\u001f" + findings));
		if (!failing.isEmpty()) {
			orders.issue(id, b.uscc(), b.name(), failing.stream().map(RecordedItem::code).toList(),
					String.join("；", failing.stream().map(r -> r.item() + "（" + r.note() + "）").toList()), requirement,
					body.workingDays(), username);
		}
		return view(b);
	}

	/** Adds a photo taken during the inspection. */
	@Transactional
	public InspectionPhotos.Photo addPhoto(UUID id, String username, boolean planner, String filename, long size,
			InputStreamSource content) {
		Base b = actor(id, username, planner);
		return photos.store(b.id(), "INSPECTION", "file", filename, size, content, username);
	}

	/** Records the re-inspection of an open order, with its photo. */
	@Transactional
	public Inspection followUp(UUID id, String username, boolean planner, Boolean rectified, String note,
			String filename, long size, InputStreamSource photo) {
		Base b = actor(id, username, planner);
		RectificationOrders.Order order = orders.of(id)
			.orElseThrow(() -> Problem.conflict("本次检查没有责令改正，无需复查。"));
		if (!"OPEN".equals(order.status())) {
			throw Problem.conflict("复查结果已经记录（" + order.statusLabel() + "），不能重复记录。");
		}
		List<FieldMessage> errors = new ArrayList<>();
		String text = note == null ? "" : note.strip();
		if (rectified == null) {
			errors.add(new FieldMessage("rectified", "请选择复查结论：已整改或未整改到位"));
		}
		if (text.isEmpty()) {
			errors.add(new FieldMessage("note", "请写明复查情况"));
		}
		else if (text.length() > MAX_NOTE) {
			errors.add(new FieldMessage("note", "复查情况超过 " + MAX_NOTE + " 字"));
		}
		if (photo == null || size <= 0) {
			errors.add(new FieldMessage("file", "复查须附现场照片"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		InspectionPhotos.Photo stored = photos.store(id, "FOLLOW_UP", "file", filename, size, photo, username);
		orders.followUp(id, b.uscc(), b.name(), rectified, text, stored.id(), stored.sm3(), username);
		return view(b);
	}

	/** Each drawn entity's outcome in a draw, by USCC. */
	public Map<String, Outcome> outcomes(UUID drawId) {
		Map<String, Outcome> out = new HashMap<>();
		jdbc.sql("""
				SELECT i.uscc, r.compliant, o.status FROM supervision_inspection i
				LEFT JOIN supervision_inspection_result r ON r.inspection_id = i.id
				LEFT JOIN supervision_rectification_order o ON o.inspection_id = i.id WHERE i.draw_id = ?""")
			.param(drawId)
			.query(rs -> {
				out.put(rs.getString(1), outcome((Boolean) rs.getObject(2), rs.getString(3)));
			});
		return out;
	}

	/** The outcome of each of these inspections, by id. */
	public Map<UUID, Outcome> outcomesOf(List<UUID> ids) {
		Map<UUID, Outcome> out = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				SELECT i.id, r.compliant, o.status FROM supervision_inspection i
				LEFT JOIN supervision_inspection_result r ON r.inspection_id = i.id
				LEFT JOIN supervision_rectification_order o ON o.inspection_id = i.id WHERE i.id = ANY (?)""")
			.param(ids.toArray(UUID[]::new))
			.query(rs -> {
				out.put(rs.getObject(1, UUID.class), outcome((Boolean) rs.getObject(2), rs.getString(3)));
			});
		return out;
	}

	static Outcome outcome(Boolean compliant, String orderStatus) {
		if (compliant == null) {
			return Outcome.NOT_INSPECTED;
		}
		if (compliant) {
			return Outcome.COMPLIANT;
		}
		return "RECTIFIED".equals(orderStatus) ? Outcome.RECTIFIED : Outcome.RECTIFY;
	}

	private static Result parse(String code) {
		for (Result r : Result.values()) {
			if (r.name().equals(code) || r.label().equals(code)) {
				return r;
			}
		}
		return null;
	}

	/** The inspection for one of its inspectors to record on; a planner may look but not record. */
	private Base actor(UUID id, String username, boolean planner) {
		Base b = base(id, true).orElseThrow(Inspections::notFound);
		if (!assigned(b, username)) {
			if (planner) {
				throw Problem.forbidden("只有抽取（或调整）到本次检查的执法人员可以记录检查。");
			}
			throw notFound();
		}
		return b;
	}

	private boolean assigned(Base b, String username) {
		return inspectors.codeOf(username).map(b.inspectors()::contains).orElse(false);
	}

	static Problem notFound() {
		return Problem.notFound("未找到该检查任务。");
	}

	private Optional<Base> base(UUID id, boolean lock) {
		// the lock serialises two inspectors finishing or following up one inspection at the same time
		return jdbc.sql(lock ? BASE + " FOR UPDATE OF i" : BASE).param(id)
			.query((rs, i) -> new Base(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					Sector.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9), List.of(rs.getString(10), rs.getString(11))))
			.optional();
	}

	private Inspection view(Base b) {
		record Row(String version, String items, String findings, boolean compliant, String by, Instant at) {
		}
		Optional<Row> result = jdbc.sql("SELECT form_version, items::text, findings, compliant, finished_by, finished_at "
				+ "FROM supervision_inspection_result WHERE inspection_id = ?").param(b.id())
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.optional();
		Optional<RectificationOrders.Order> order = orders.of(b.id());
		Outcome outcome = outcome(result.map(Row::compliant).orElse(null), order.map(RectificationOrders.Order::status)
			.orElse(null));
		List<RecordedItem> items = result.map(r -> json.readValue(r.items(), new TypeReference<List<RecordedItem>>() {
		})).orElse(List.of());
		return new Inspection(b.id(), b.drawId(), b.sector().name(), b.sector().label(), b.period(), b.uscc(), b.name(),
				b.address(), b.street(), b.grade(), b.inspectors(), outcome, outcome.label(),
				result.map(Row::version).orElse(null), items, result.map(Row::findings).orElse(null),
				result.map(Row::by).orElse(null), result.map(Row::at).orElse(null), photos.of(b.id()), order.orElse(null));
	}
}
