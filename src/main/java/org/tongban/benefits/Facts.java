package org.tongban.benefits;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongban.benefits.Fact.Type;

/**
 * The facts rules are written over, derived twice from the same register rows: as one SQL relation for the bulk
 * matcher ({@link #relation}) and in Java for one person ({@link #of}), with the evidence an explanation cites.
 * The two derivations sit side by side so that a change to one is seen next to the other; the agreement test
 * checks them over thousands of people.
 */
final class Facts {

	/** What "never screened" counts as: longer than any interval a rule may set. */
	static final long NEVER = 99_999;

	static final List<Fact> ALL = List.of(
			new Fact("age", Type.INT, "周岁", "人口库（出生日期）", 0),
			new Fact("sex", Type.STRING, "性别", "人口库", 0),
			new Fact("street", Type.STRING, "居住街镇", "人口库（居住地）", 0),
			new Fact("household_local", Type.BOOL, "本市户籍", "人口库（户籍）", 0),
			new Fact("retired", Type.BOOL, "已退休", "社保退休人员库", 2),
			new Fact("hardship", Type.BOOL, "生活困难（低保、低收入、特困）", "民政救助对象库", 1),
			new Fact("days_since_two_cancer_screening", Type.INT, "距上次两病筛查天数", "筛查记录", 3),
			new Fact("health_check_this_year", Type.BOOL, "今年已做老年人体检", "体检记录", 2),
			new Fact("has_family_doctor", Type.BOOL, "已签约家庭医生", "家庭医生签约库", 3),
			new Fact("pre_pregnancy_booked", Type.BOOL, "一年内登记了孕前检查", "孕前优生检查登记", 1),
			new Fact("couple_local", Type.BOOL, "夫妇至少一方本市户籍或在浦东居住", "人口库、孕前优生检查登记", 1));

	private Facts() {
	}

	static Optional<Fact> named(String name) {
		return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
	}

	/**
	 * The facts of everyone (or of the people in {@code :ids} when {@code restricted}) on {@code :today}, one row per
	 * person with a column per fact plus {@code id_number}. Parameters: {@code :today}, {@code :yearStart} (dates) and
	 * {@code :ids} (when restricted).
	 * <p>
	 * One scan of the population register: every other register is read through a subquery of the fact that needs
	 * it, so that a rule pays only for the facts it reaches (a condition stops at its first false clause). Over
	 * everyone PostgreSQL hashes each {@code EXISTS} once and probes it; for a few people it looks each one up in the
	 * register's primary key. Joining every register to every resident cost five hash probes of 5.8 million rows
	 * whatever the rules asked. Age is whole years from {@code birth_ymd} (yyyymmdd, a generated column): the
	 * difference of two such numbers divided by 10,000 is the completed years, as {@link java.time.Period} counts them.
	 */
	static String relation(boolean restricted) {
		return """
				SELECT p.id_number,
				       (CAST(EXTRACT(YEAR FROM CAST(:today AS date)) * 10000 + EXTRACT(MONTH FROM CAST(:today AS date)) * 100
				             + EXTRACT(DAY FROM CAST(:today AS date)) AS int) - p.birth_ymd) / 10000 AS age,
				       CAST(p.sex AS text) AS sex,
				       COALESCE(p.street, '') AS street,
				       p.household_local,
				       EXISTS (SELECT 1 FROM benefits_status s WHERE s.id_number = p.id_number AND s.kind = 'RETIRED'
				               AND s.since <= CAST(:today AS date)) AS retired,
				       EXISTS (SELECT 1 FROM benefits_status s WHERE s.id_number = p.id_number AND s.kind = 'HARDSHIP'
				               AND s.since <= CAST(:today AS date)
				               AND (s.until IS NULL OR s.until >= CAST(:today AS date))) AS hardship,
				       COALESCE(CAST(:today AS date) - (SELECT max(s.served_on) FROM benefits_service s WHERE s.id_number = p.id_number
				               AND s.kind = 'TWO_CANCER_SCREENING' AND s.served_on <= CAST(:today AS date)), %d) AS days_since_two_cancer_screening,
				       EXISTS (SELECT 1 FROM benefits_service s WHERE s.id_number = p.id_number AND s.kind = 'HEALTH_CHECK'
				               AND s.served_on >= CAST(:yearStart AS date) AND s.served_on <= CAST(:today AS date)) AS health_check_this_year,
				       EXISTS (SELECT 1 FROM benefits_contract c WHERE c.id_number = p.id_number AND c.signed_on <= CAST(:today AS date)
				               AND (c.ended_on IS NULL OR c.ended_on > CAST(:today AS date))) AS has_family_doctor,
				       EXISTS (SELECT 1 FROM benefits_booking b WHERE b.id_number = p.id_number AND b.booked_on <= CAST(:today AS date)
				               AND b.booked_on > CAST(:today AS date) - 365) AS pre_pregnancy_booked,
				       p.household_local OR p.street IS NOT NULL
				               OR EXISTS (SELECT 1 FROM benefits_booking b WHERE b.id_number = p.id_number AND b.partner_local
				                          AND b.booked_on <= CAST(:today AS date) AND b.booked_on > CAST(:today AS date) - 365) AS couple_local
				FROM benefits_person p
				WHERE true%s
				""".formatted(NEVER, restricted ? " AND p.id_number IN (:ids)" : "");
	}

	/** The age band of dashboards and dry runs, in SQL over a column {@code age}. */
	static String ageBandSql(String age) {
		return "CASE WHEN %1$s < 35 THEN '0–34' WHEN %1$s < 50 THEN '35–49' WHEN %1$s < 65 THEN '50–64' "
				.formatted(age) + "WHEN %1$s < 75 THEN '65–74' ELSE '75+' END".formatted(age);
	}

	static String ageBand(long age) {
		return age < 35 ? "0–34" : age < 50 ? "35–49" : age < 65 ? "50–64" : age < 75 ? "65–74" : "75+";
	}

	/** A fact's value for one person and the register entry it was read from. */
	record Evidence(Object value, String source, LocalDate recordedOn, String detail) {
	}

	/** The same facts for one person, from their register rows. */
	static Map<String, Evidence> of(Registers.PersonFile file, LocalDate today) {
		Registers.Person p = file.person();
		Map<String, Evidence> facts = new LinkedHashMap<>();
		long age = Period.between(p.birthDate(), today).getYears();
		facts.put("age", new Evidence(age, p.source(), p.recordedOn(), "出生日期 " + p.birthDate() + "，按 " + today + " 计"));
		facts.put("sex", new Evidence(p.sex(), p.source(), p.recordedOn(), "F".equals(p.sex()) ? "女" : "男"));
		String street = p.street() == null ? "" : p.street();
		facts.put("street", new Evidence(street, p.source(), p.recordedOn(), street.isEmpty() ? "不在浦东居住" : street));
		facts.put("household_local", new Evidence(p.householdLocal(), p.source(), p.recordedOn(),
				p.householdLocal() ? "本市户籍" : "非本市户籍"));

		Optional<Registers.Status> retired = file.statuses().stream()
			.filter(s -> s.kind().equals("RETIRED") && !s.since().isAfter(today)).findFirst();
		facts.put("retired", retired.map(s -> new Evidence(true, s.source(), s.since(), "自 " + s.since() + " 起退休"))
			.orElse(new Evidence(false, "社保退休人员库", null, "无退休记录")));
		Optional<Registers.Status> hardship = file.statuses().stream()
			.filter(s -> s.kind().equals("HARDSHIP") && !s.since().isAfter(today)
					&& (s.until() == null || !s.until().isBefore(today)))
			.findFirst();
		facts.put("hardship", hardship.map(s -> new Evidence(true, s.source(), s.since(),
				"自 " + s.since() + " 起" + (s.until() == null ? "" : "至 " + s.until())))
			.orElse(new Evidence(false, "民政救助对象库", null, "今天不在救助名单")));

		Optional<Registers.Service> screening = last(file, "TWO_CANCER_SCREENING", today);
		facts.put("days_since_two_cancer_screening", screening
			.map(s -> new Evidence(ChronoUnit.DAYS.between(s.servedOn(), today), s.source(), s.servedOn(),
					s.servedOn() + " 在" + s.institution() + "筛查"))
			.orElse(new Evidence(NEVER, "筛查记录", null, "从未筛查")));
		Optional<Registers.Service> check = last(file, "HEALTH_CHECK", today);
		boolean checkedThisYear = check.map(s -> s.servedOn().getYear() == today.getYear()).orElse(false);
		facts.put("health_check_this_year", check
			.map(s -> new Evidence(checkedThisYear, s.source(), s.servedOn(), "最近一次 " + s.servedOn() + " 在" + s.institution()))
			.orElse(new Evidence(false, "体检记录", null, "无体检记录")));

		Optional<Registers.Contract> contract = file.contracts().stream()
			.filter(c -> !c.signedOn().isAfter(today) && (c.endedOn() == null || c.endedOn().isAfter(today)))
			.findFirst();
		facts.put("has_family_doctor", contract.map(c -> new Evidence(true, c.source(), c.signedOn(),
				c.signedOn() + " 与" + c.institution() + "签约"))
			.orElse(new Evidence(false, "家庭医生签约库", null, "今天没有有效的签约")));

		List<Registers.Booking> bookings = file.bookings().stream()
			.filter(b -> !b.bookedOn().isAfter(today) && b.bookedOn().isAfter(today.minusDays(365)))
			.toList();
		Optional<Registers.Booking> latest = bookings.stream().max(Comparator.comparing(Registers.Booking::bookedOn));
		facts.put("pre_pregnancy_booked", latest.map(b -> new Evidence(true, b.source(), b.bookedOn(), b.bookedOn() + " 登记"))
			.orElse(new Evidence(false, "孕前优生检查登记", null, "一年内没有登记")));
		boolean partnerLocal = bookings.stream().anyMatch(Registers.Booking::partnerLocal);
		boolean coupleLocal = p.householdLocal() || p.street() != null || partnerLocal;
		facts.put("couple_local", new Evidence(coupleLocal, partnerLocal && !p.householdLocal() && p.street() == null
				? latest.get().source() : p.source(), p.recordedOn(),
				p.householdLocal() ? "本人本市户籍" : p.street() != null ? "本人在浦东居住" : partnerLocal ? "配偶本市户籍或在本市居住" : "双方均非本市户籍、均不在浦东居住"));
		return facts;
	}

	private static Optional<Registers.Service> last(Registers.PersonFile file, String kind, LocalDate today) {
		return file.services().stream()
			.filter(s -> s.kind().equals(kind) && !s.servedOn().isAfter(today))
			.max(Comparator.comparing(Registers.Service::servedOn));
	}
}
