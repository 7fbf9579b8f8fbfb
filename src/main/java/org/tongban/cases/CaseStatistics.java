package org.tongban.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Problem;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Published read API for reports: the cases submitted in a calendar year (Asia/Shanghai), counted per item
 * and situation. Not for web endpoints as such: it does not check who is asking.
 *
 * <p>Outcomes partition the submitted cases: {@code submitted = open + refused + withdrawn + granted + denied};
 * {@code revoked} is the part of {@code granted} whose grant was later revoked (notice-commitment). A case
 * counts as accepted when it has an acceptance date (including deemed acceptance) or a decision (a grant on a
 * notice-commitment is decided on the spot). Handling time is the working days from acceptance to the day of
 * the decision by the holiday calendar, minus the working days of expert-review and on-site-check suspensions
 * (a correction notice comes before acceptance and is not subtracted); it is computed here in Java with
 * {@link WorkingDayCalendar}, not in SQL. A case is overdue when it was decided after its promised deadline,
 * or is still open past it today.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class CaseStatistics {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private static final Set<String> OPEN = Set.of(CaseStatus.SUBMITTED.name(), CaseStatus.CORRECTION_REQUESTED.name(),
			CaseStatus.UNDER_REVIEW.name(), CaseStatus.SUSPENDED.name());

	private final JdbcClient jdbc;
	private final WorkingDayCalendar calendar;
	private final Clock clock;

	CaseStatistics(JdbcClient jdbc, WorkingDayCalendar calendar, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.clock = clock;
	}

	/** The figures of one group of cases (an item and situation, or all of them). */
	public record Figures(int submitted, int accepted, int deemedAccepted, int refused, int granted, int denied,
			int withdrawn, int revoked, int open, int noticeCommitment, int online, int window, int decided,
			int measured, Double averageWorkingDays, Integer p90WorkingDays, Integer promisedDaysMin,
			Integer promisedDaysMax, int overdue, int corrections) {

		/** Share of cases under notice-commitment, 0..1; null without cases. */
		public Double noticeCommitmentShare() {
			return submitted == 0 ? null : (double) noticeCommitment / submitted;
		}

		/** Average correction notices per submitted case; null without cases. */
		public Double averageCorrections() {
			return submitted == 0 ? null : (double) corrections / submitted;
		}
	}

	/** One line of the report: an item and situation with its figures. */
	public record Line(String itemCode, String itemName, String situation, String situationName, Figures figures) {
	}

	/** The year's lines (by item code, then situation code) and the totals over them. */
	public record Year(int year, List<Line> lines, Figures totals) {
	}

	/** Every item's cases submitted in {@code year}. */
	@Transactional(readOnly = true)
	public Year year(int year) {
		return year(year, null);
	}

	/** The cases of the given items submitted in {@code year}; {@code itemCodes} null means every item. */
	@Transactional(readOnly = true)
	public Year year(int year, Collection<String> itemCodes) {
		Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant());
		Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant());
		if (itemCodes != null && itemCodes.isEmpty()) {
			return new Year(year, List.of(), new Tally().figures());
		}
		String items = itemCodes == null ? "" : " AND c.item_code = ANY(?)";
		List<Object> params = new ArrayList<>(List.of(from, to));
		if (itemCodes != null) {
			params.add(itemCodes.toArray(String[]::new));
		}
		List<Row> rows = jdbc.sql("""
				SELECT c.id, c.item_code, c.item_name, c.situation_code, c.situation_name, c.status, c.channel,
				  c.notice_commitment, c.promised_days, c.accepted_on, c.promised_deadline, c.decision,
				  (c.decided_at AT TIME ZONE 'Asia/Shanghai')::date AS decided_on, c.corrections, c.submitted_at,
				  EXISTS (SELECT 1 FROM cases_event e WHERE e.case_id = c.id AND e.action = 'deemed-accept') AS deemed
				FROM cases_case c
				WHERE c.submitted_at >= ? AND c.submitted_at < ?""" + items + """
				 ORDER BY c.item_code, c.situation_code, c.submitted_at""")
				.params(params)
				.query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("item_code"),
						rs.getString("item_name"), rs.getString("situation_code"), rs.getString("situation_name"),
						rs.getString("status"), rs.getString("channel"), rs.getBoolean("notice_commitment"),
						(Integer) rs.getObject("promised_days"), rs.getObject("accepted_on", LocalDate.class),
						rs.getObject("promised_deadline", LocalDate.class), rs.getString("decision"),
						rs.getObject("decided_on", LocalDate.class), rs.getInt("corrections"), rs.getBoolean("deemed")))
				.list();
		Map<UUID, List<Stop>> stops = stops(from, to, itemCodes);
		LocalDate today = LocalDate.now(clock.withZone(ZONE));
		Map<String, Tally> groups = new LinkedHashMap<>();
		Map<String, Row> names = new HashMap<>();
		Tally total = new Tally();
		for (Row r : rows) {
			String key = r.itemCode + "\u0000" + r.situation;
			Integer days = workingDays(r, stops.getOrDefault(r.id, List.of()));
			groups.computeIfAbsent(key, k -> new Tally()).add(r, days, today);
			total.add(r, days, today);
			// the latest case's names: a guide may have been renamed during the year
			names.put(key, r);
		}
		List<Line> lines = new ArrayList<>();
		groups.forEach((key, tally) -> {
			Row n = names.get(key);
			lines.add(new Line(n.itemCode, n.itemName, n.situation, n.situationName, tally.figures()));
		});
		lines.sort(Comparator.comparing(Line::itemCode).thenComparing(Line::situation));
		return new Year(year, List.copyOf(lines), total.figures());
	}

	/** Expert-review and on-site-check suspensions of the year's cases. */
	private Map<UUID, List<Stop>> stops(Timestamp from, Timestamp to, Collection<String> itemCodes) {
		String items = itemCodes == null ? "" : " AND c.item_code = ANY(?)";
		List<Object> params = new ArrayList<>(List.of(from, to));
		if (itemCodes != null) {
			params.add(itemCodes.toArray(String[]::new));
		}
		Map<UUID, List<Stop>> stops = new HashMap<>();
		jdbc.sql("""
				SELECT s.case_id, s.started_on, s.ended_on, s.working_days
				FROM cases_suspension s JOIN cases_case c ON c.id = s.case_id
				WHERE s.kind <> 'CORRECTION' AND c.decision IS NOT NULL
				  AND c.submitted_at >= ? AND c.submitted_at < ?""" + items)
				.params(params)
				.query((rs, i) -> new Stop(rs.getObject("case_id", UUID.class), rs.getObject("started_on", LocalDate.class),
						rs.getObject("ended_on", LocalDate.class), (Integer) rs.getObject("working_days")))
				.list().forEach(s -> stops.computeIfAbsent(s.caseId, k -> new ArrayList<>()).add(s));
		return stops;
	}

	/**
	 * Working days from acceptance to decision less the clock stops; null when the case was not decided after
	 * an acceptance, or when the calendar lacks a year it reaches.
	 */
	private Integer workingDays(Row r, List<Stop> stops) {
		if (r.decision == null || r.acceptedOn == null || r.decidedOn == null) {
			return null;
		}
		try {
			int days = calendar.workingDaysBetween(r.acceptedOn, r.decidedOn);
			for (Stop s : stops) {
				if (s.workingDays != null) {
					days -= s.workingDays;
				}
				else if (s.endedOn != null) {
					days -= calendar.workingDaysBetween(s.startedOn, s.endedOn);
				}
			}
			return Math.max(0, days);
		}
		catch (Problem p) {
			if (WorkingDayCalendar.YEAR_MISSING.equals(p.type())) {
				return null;
			}
			throw p;
		}
	}

	/** The {@code p}-th percentile (0 < p ≤ 100) by the nearest-rank method; null for no values. */
	static Integer percentile(List<Integer> sorted, int p) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}

	private record Row(UUID id, String itemCode, String itemName, String situation, String situationName,
			String status, String channel, boolean noticeCommitment, Integer promisedDays, LocalDate acceptedOn,
			LocalDate promisedDeadline, String decision, LocalDate decidedOn, int corrections, boolean deemed) {
	}

	private record Stop(UUID caseId, LocalDate startedOn, LocalDate endedOn, Integer workingDays) {
	}

	/** Counts one group of cases. */
	static final class Tally {
		int submitted, accepted, deemed, refused, granted, denied, withdrawn, revoked, open, commitment, online,
				window, decided, overdue, corrections;
		Integer promisedMin, promisedMax;
		final List<Integer> days = new ArrayList<>();

		void add(Row r, Integer workingDays, LocalDate today) {
			submitted++;
			boolean isOpen = OPEN.contains(r.status);
			if (r.acceptedOn != null || r.decision != null) {
				accepted++;
			}
			if (r.deemed) {
				deemed++;
			}
			if (isOpen) {
				open++;
			}
			switch (r.status) {
				case "REFUSED" -> refused++;
				case "WITHDRAWN" -> withdrawn++;
				case "REVOKED" -> revoked++;
				default -> {
				}
			}
			if ("GRANTED".equals(r.decision)) {
				granted++;
			}
			else if ("DENIED".equals(r.decision)) {
				denied++;
			}
			if (r.noticeCommitment) {
				commitment++;
			}
			if (Channel.WINDOW.name().equals(r.channel)) {
				window++;
			}
			else {
				online++;
			}
			if (r.decision != null) {
				decided++;
			}
			if (r.promisedDeadline != null && (r.decidedOn != null ? r.decidedOn.isAfter(r.promisedDeadline)
					: isOpen && today.isAfter(r.promisedDeadline))) {
				overdue++;
			}
			corrections += r.corrections;
			if (r.promisedDays != null) {
				promisedMin = promisedMin == null ? r.promisedDays : Math.min(promisedMin, r.promisedDays);
				promisedMax = promisedMax == null ? r.promisedDays : Math.max(promisedMax, r.promisedDays);
			}
			if (workingDays != null) {
				days.add(workingDays);
			}
		}

		Figures figures() {
			List<Integer> sorted = days.stream().sorted().toList();
			Double average = sorted.isEmpty() ? null : sorted.stream().mapToInt(Integer::intValue).average().orElseThrow();
			return new Figures(submitted, accepted, deemed, refused, granted, denied, withdrawn, revoked, open,
					commitment, online, window, decided, sorted.size(), average, percentile(sorted, 90), promisedMin,
					promisedMax, overdue, corrections);
		}
	}
}
