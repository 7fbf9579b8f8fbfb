package org.tongban.feedback;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.Case;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.identity.SignedInUser;
import org.tongban.identity.StaffDirectory;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * Rating the stages of one's own case: one rating per stage, which the applicant may change within
 * {@code tongban.feedback.change-days} calendar days of first giving it (default 7); every version is kept.
 * A rating of 不满意 or worse opens a rectification for the unit of the staff member who handled the stage.
 */
@Service
public class Ratings {

	public static final int TEXT_LIMIT = 500;

	/** What rating a stage came to: the rating, and whether it was given now for the first time. */
	public record Outcome(Rating rating, boolean created) {
	}

	private final JdbcClient jdbc;
	private final CaseRecords cases;
	private final StaffDirectory staff;
	private final Rectifications rectifications;
	private final Complaints complaints;
	private final AuditTrail audit;
	private final Clock clock;
	private final Duration changePeriod;

	Ratings(JdbcClient jdbc, CaseRecords cases, StaffDirectory staff, Rectifications rectifications,
			Complaints complaints, AuditTrail audit, Clock clock,
			@Value("${tongban.feedback.change-days:7}") int changeDays) {
		this.complaints = complaints;
		this.jdbc = jdbc;
		this.cases = cases;
		this.staff = staff;
		this.rectifications = rectifications;
		this.audit = audit;
		this.clock = clock;
		this.changePeriod = Duration.ofDays(changeDays);
	}

	/** The period within which a rating may be changed. */
	public Duration changePeriod() {
		return changePeriod;
	}

	/** The case if {@code me} is its applicant; anyone else (staff included) is told it does not exist. */
	public Case ownCase(SignedInUser me, CaseId id) {
		return cases.readable(me, id).filter(c -> me.username().equals(c.applicant().owner()))
			.orElseThrow(() -> Problem.notFound("未找到该办件。"));
	}

	/** The case if {@code me} may read it (its applicant, or staff whose duty covers it); else 404. */
	public Case readableCase(SignedInUser me, CaseId id) {
		return cases.readable(me, id).orElseThrow(() -> Problem.notFound("未找到该办件。"));
	}

	/** Rates a stage of the applicant's own case, or changes the rating within the period. */
	@Transactional
	public Outcome rate(SignedInUser me, CaseId id, RatingRequest request) {
		Case c = ownCase(me, id);
		Stage stage = validStage(request);
		int level = validLevel(request);
		validate(request, level);
		Stage.Fact fact = stage.in(c).orElseThrow(() -> Problem.conflict("办件当前为“" + c.status().label() + "”，“"
				+ stage.label() + "”环节尚未进行，还不能评价。").with("status", c.status().name()).with("stage", stage.name()));
		Instant now = clock.instant();
		String text = request.text() == null || request.text().isBlank() ? null : request.text();
		Optional<Rating> existing = of(id, stage);
		Rating rating;
		if (existing.isPresent()) {
			Rating before = existing.get();
			Instant until = before.ratedAt().plus(changePeriod);
			if (now.isAfter(until)) {
				throw Problem.conflict("评价只能在首次评价后 " + changePeriod.toDays() + " 日内修改，“" + stage.label()
						+ "”环节的评价已不能修改。").with("changeableUntil", until.toString());
			}
			jdbc.sql("UPDATE feedback_rating SET level = ?, tags = ?, text = ?, changed_at = ? WHERE id = ?")
				.params(level, request.tags().toArray(String[]::new), text, java.sql.Timestamp.from(now), before.id()).update();
			rating = of(id, stage).orElseThrow();
			audit.record("feedback.rating.change", "rating", rating.id(), Map.of("level", before.level()),
					Map.of("level", level));
		}
		else {
			String handler = handler(c, fact.actor());
			String unit = handler == null ? c.division() : staff.unitOf(handler).orElse(c.division());
			UUID ratingId = UUID.randomUUID();
			jdbc.sql("""
					INSERT INTO feedback_rating (id, case_id, stage, applicant, item_code, item_name, channel, level, tags,
					  text, staff, unit, rated_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(ratingId, id.value(), stage.name(), me.username(), c.itemCode(), c.itemName(), c.channel().name(),
						level, request.tags().toArray(String[]::new), text, handler, unit, java.sql.Timestamp.from(now),
						java.sql.Timestamp.from(now))
				.update();
			rating = of(id, stage).orElseThrow();
			audit.record("feedback.rating.give", "rating", ratingId, null, Map.of("stage", stage.name(), "level", level));
		}
		jdbc.sql("INSERT INTO feedback_rating_version (rating_id, level, tags, text, recorded_at) VALUES (?, ?, ?, ?, ?)")
			.params(rating.id(), level, request.tags().toArray(String[]::new), text, java.sql.Timestamp.from(now)).update();
		if (Levels.dissatisfied(level)) {
			String unit = rating.unit() != null ? rating.unit() : "APPROVAL_CENTRE";
			rectifications.openFor(rating, unit, me.username());
		}
		// a bad rating's words are grouped with similar complaints; a rating changed to good or without words leaves
		if (Levels.dissatisfied(level) && text != null) {
			complaints.receive(new Complaint(Complaint.Kind.RATING, rating.id(), text, rating.itemCode(),
					rating.unit() != null ? rating.unit() : "APPROVAL_CENTRE", now));
		}
		else if (existing.isPresent()) {
			complaints.withdraw(Complaint.Kind.RATING, rating.id());
		}
		return new Outcome(rating, existing.isEmpty());
	}

	/** The staff member to record: the actor of the stage, unless it was the applicant or the system. */
	private static String handler(Case c, String actor) {
		return actor == null || "system".equals(actor) || actor.equals(c.applicant().owner()) ? null : actor;
	}

	private static Stage validStage(RatingRequest r) {
		return Stage.of(r.stage()).orElseThrow(() -> Problem.invalid("stage",
				"请选择评价的环节：ACCEPTANCE（受理）、REVIEW（审查）、DECISION（决定）、COMPLETION（办结）或 WINDOW（窗口服务）。"));
	}

	private static int validLevel(RatingRequest r) {
		if (r.level() == null || !Levels.valid(r.level())) {
			throw Problem.invalid("level", "请选择评价等级：1（非常不满意）至 5（非常满意）。");
		}
		return r.level();
	}

	private static void validate(RatingRequest r, int level) {
		List<FieldMessage> errors = new ArrayList<>();
		List<String> allowed = Levels.tags(level);
		for (String tag : r.tags()) {
			if (!allowed.contains(tag)) {
				errors.add(new FieldMessage("tags", "“" + Levels.label(level) + "”可选的原因为：" + String.join("、", allowed) + "。"));
				break;
			}
		}
		if (r.text() != null && r.text().codePointCount(0, r.text().length()) > TEXT_LIMIT) {
			errors.add(new FieldMessage("text", "评价内容不能超过 " + TEXT_LIMIT + " 字。"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
	}

	public Optional<Rating> of(CaseId id, Stage stage) {
		return jdbc.sql("SELECT * FROM feedback_rating WHERE case_id = ? AND stage = ?").params(id.value(), stage.name())
			.query(Ratings::row).optional();
	}

	/** The ratings of a case, by stage. */
	public Map<Stage, Rating> of(CaseId id) {
		Map<Stage, Rating> byStage = new LinkedHashMap<>();
		jdbc.sql("SELECT * FROM feedback_rating WHERE case_id = ?").param(id.value()).query(Ratings::row).list()
			.forEach(r -> byStage.put(r.stage(), r));
		return byStage;
	}

	/** The stages of a case that have happened, in order. */
	public List<Stage> happened(Case c) {
		return java.util.Arrays.stream(Stage.values()).filter(s -> s.in(c).isPresent()).toList();
	}

	/** Ratings for staff, newest first; {@code item} and {@code unit} narrow them when given. */
	public List<Rating> search(String item, String unit) {
		return jdbc.sql("""
				SELECT * FROM feedback_rating WHERE (CAST(:item AS text) IS NULL OR item_code = :item)
				  AND (CAST(:unit AS text) IS NULL OR unit = :unit) ORDER BY changed_at DESC LIMIT 500""")
			.param("item", blankToNull(item)).param("unit", blankToNull(unit)).query(Ratings::row).list();
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	static Rating row(ResultSet rs, int i) throws SQLException {
		return new Rating(rs.getObject("id", UUID.class), new CaseId(rs.getObject("case_id", UUID.class)),
				Stage.valueOf(rs.getString("stage")), rs.getString("applicant"), rs.getString("item_code"),
				rs.getString("item_name"), rs.getString("channel"), rs.getInt("level"), strings(rs.getArray("tags")),
				rs.getString("text"), rs.getString("staff"), rs.getString("unit"),
				rs.getTimestamp("rated_at").toInstant(), rs.getTimestamp("changed_at").toInstant());
	}

	private static List<String> strings(Array array) throws SQLException {
		return array == null ? List.of() : List.of((String[]) array.getArray());
	}

	Rectifications rectifications() {
		return rectifications;
	}

	/** The login of who gave a rating. */
	Optional<String> applicantOf(UUID ratingId) {
		return jdbc.sql("SELECT applicant FROM feedback_rating WHERE id = ?").param(ratingId).query(String.class).optional();
	}

	public Instant now() {
		return clock.instant();
	}

	public Rating byId(UUID id) {
		return jdbc.sql("SELECT * FROM feedback_rating WHERE id = ?").param(id).query(Ratings::row).single();
	}

	/** The name of the staff member who handled a stage that happened, for the case page. */
	public Optional<String> handlerName(Case c, Stage stage) {
		return stage.in(c).map(f -> handler(c, f.actor())).map(staff::nameOf);
	}
}
