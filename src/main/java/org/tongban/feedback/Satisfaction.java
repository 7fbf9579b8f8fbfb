package org.tongban.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongban.cases.Channel;
import org.tongban.identity.Organisation;

/**
 * Satisfaction statistics without personal data: counts and rates per item, unit, channel (and, for staff, per
 * staff member). Satisfaction rate = ratings of level 4–5 (非常满意, 满意) ÷ all ratings. Rectification on-time
 * rate = tasks answered by their reply date ÷ tasks answered or past their reply date.
 */
@Service
public class Satisfaction {

	public static final String RATE_DEFINITION = "满意率 = 评价为“非常满意”“满意”（5、4 级）的条数 ÷ 评价总条数";
	public static final String ON_TIME_DEFINITION = "整改按时率 = 在答复期限内答复的整改任务数 ÷（已答复或已过答复期限的整改任务数）";

	/** One row of a table: what it is about (a code and a name), and its figures. */
	public record Row(String key, String name, long ratings, long satisfied, Double satisfactionRate,
			long rectificationsDue, long rectificationsOnTime, Double onTimeRate) {
	}

	/** The key figures of the whole service: for the public page and the cockpit. */
	public record Overall(long ratings, Double satisfactionRate, long openRectifications, long overdueRectifications,
			Double onTimeRate) {
	}

	/** Dimensions a table may be grouped by; the column names are constants, never input. */
	public enum By {
		ITEM("item_code"), UNIT("unit"), CHANNEL("channel"), STAFF("staff");

		final String column;

		By(String column) {
			this.column = column;
		}
	}

	private final JdbcClient jdbc;
	private final Organisation organisation;
	private final Clock clock;

	Satisfaction(JdbcClient jdbc, Organisation organisation, Clock clock) {
		this.jdbc = jdbc;
		this.organisation = organisation;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
	}

	public Overall overall() {
		return jdbc.sql("""
				SELECT (SELECT count(*) FROM feedback_rating) AS ratings,
				       (SELECT count(*) FROM feedback_rating WHERE level >= 4) AS satisfied,
				       (SELECT count(*) FROM feedback_rectification WHERE status <> 'CONFIRMED') AS open,
				       (SELECT count(*) FROM feedback_rectification WHERE status IN ('OPEN', 'CONTACTED', 'REOPENED')
				          AND CASE status WHEN 'OPEN' THEN contact_due ELSE reply_due END < :today) AS overdue,
				       (SELECT count(*) FROM feedback_rectification WHERE replied_on_time IS NOT NULL
				          OR (status <> 'CONFIRMED' AND reply_due < :today)) AS due,
				       (SELECT count(*) FROM feedback_rectification WHERE replied_on_time) AS on_time""")
			.param("today", today())
			.query((rs, i) -> new Overall(rs.getLong("ratings"), rate(rs.getLong("satisfied"), rs.getLong("ratings")),
					rs.getLong("open"), rs.getLong("overdue"), rate(rs.getLong("on_time"), rs.getLong("due"))))
			.single();
	}

	/** A table grouped by {@code by}, narrowed to an item and a unit when given. */
	public List<Row> table(By by, String item, String unit) {
		String sql = """
				SELECT t.g AS key, max(t.item_name) AS item_name, count(*) AS ratings,
				       count(*) FILTER (WHERE t.level >= 4) AS satisfied, coalesce(sum(t.due), 0) AS due,
				       coalesce(sum(t.on_time), 0) AS on_time
				FROM (SELECT r.%s AS g, r.item_name, r.level,
				        (SELECT count(*) FROM feedback_rectification x WHERE x.rating_id = r.id
				           AND (x.replied_on_time IS NOT NULL OR (x.status <> 'CONFIRMED' AND x.reply_due < :today))) AS due,
				        (SELECT count(*) FROM feedback_rectification x WHERE x.rating_id = r.id AND x.replied_on_time) AS on_time
				      FROM feedback_rating r
				      WHERE (CAST(:item AS text) IS NULL OR r.item_code = :item)
				        AND (CAST(:unit AS text) IS NULL OR r.unit = :unit)) t
				GROUP BY t.g ORDER BY count(*) DESC, t.g""".formatted(by.column);
		Map<String, String> units = organisation.names();
		return jdbc.sql(sql).param("today", today()).param("item", Ratings.blankToNull(item))
			.param("unit", Ratings.blankToNull(unit))
			.query((rs, i) -> {
				String key = rs.getString("key");
				String name = switch (by) {
					case ITEM -> rs.getString("item_name");
					case UNIT -> key == null ? "未记录" : units.getOrDefault(key, key);
					case CHANNEL -> key == null ? "未记录" : Channel.valueOf(key).label();
					case STAFF -> key == null ? "未记录（系统或申请人本人）" : key;
				};
				long ratings = rs.getLong("ratings");
				long due = rs.getLong("due");
				return new Row(key, name, ratings, rs.getLong("satisfied"), rate(rs.getLong("satisfied"), ratings), due,
						rs.getLong("on_time"), rate(rs.getLong("on_time"), due));
			})
			.list();
	}

	private static Double rate(long part, long whole) {
		return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
	}
}
