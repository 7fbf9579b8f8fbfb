package org.tongban.benefits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Where a programme is delivered (reform task 37): the institutions its division lists, each serving one
 * street/town (or the whole district), and the slots opened at them, each with a capacity. Slots are opened over a
 * range of working days (the module's working-day calendar); a slot already open on a day and band is left as it is.
 * A closed institution takes no new bookings; the bookings it has stay.
 */
@Service
class Institutions {

	/** The time bands a slot may have; '' is the whole day. */
	static final List<String> BANDS = List.of("上午", "下午", "");

	/** How many days ahead slots may be opened at once. */
	static final int MAX_RANGE_DAYS = 92;

	static final int MAX_CAPACITY = 500;

	private static final Pattern PHONE = Pattern.compile("[0-9][0-9\\-]{6,19}");

	record Institution(UUID id, String programme, String name, String street, String address, String phone,
			boolean open, Instant closedAt) {

		public String serves() {
			return street == null ? "全区" : street;
		}
	}

	record NewInstitution(String name, String street, String address, String phone) {
	}

	record Slot(UUID id, UUID institutionId, LocalDate date, String band, int capacity, int booked) {

		public int free() {
			return capacity - booked;
		}

		public String bandLabel() {
			return band.isEmpty() ? "全天" : band;
		}
	}

	record Opened(int created, int skipped, List<Slot> slots) {
	}

	/** A booking at an institution, as its staff see it: the person masked, the slot, and whether served. */
	record Booking(UUID entitlementId, String person, String street, LocalDate date, String band, String status,
			String statusLabel, LocalDate servedOn) {
	}

	/** A place a resident can book: an open slot with room at an open institution serving their street/town. */
	record Place(UUID slot, UUID institutionId, String institution, String address, String phone, LocalDate date,
			String band, int free) {
	}

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final WorkingDayCalendar calendar;
	private final AuditTrail audit;
	private final Clock clock;
	private final List<String> streets = new ArrayList<>();

	Institutions(JdbcClient jdbc, Programmes programmes, WorkingDayCalendar calendar, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.calendar = calendar;
		this.audit = audit;
		this.clock = clock;
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("data/benefits/streets.txt").getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isBlank() && !line.startsWith("#")) {
					streets.add(line.trim().split("\\s+")[0]);
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Pudong's 36 streets and towns. */
	List<String> streets() {
		return List.copyOf(streets);
	}

	private static final String COLUMNS = "id, programme_code, name, street, address, phone, closed_at";

	private static Institution institution(java.sql.ResultSet rs) throws java.sql.SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new Institution(rs.getObject("id", UUID.class), rs.getString("programme_code"), rs.getString("name"),
				rs.getString("street"), rs.getString("address"), rs.getString("phone"), closed == null,
				closed == null ? null : closed.toInstant());
	}

	/** The programme's institutions, open ones first, by street; {@code street} (optional) keeps those serving it. */
	List<Institution> of(String programme, String street) {
		boolean all = street == null || street.isBlank();
		return jdbc.sql("SELECT " + COLUMNS + " FROM benefits_institution WHERE programme_code = :p "
				+ (all ? "" : "AND (street = :s OR street IS NULL) ")
				+ "ORDER BY closed_at IS NOT NULL, street NULLS FIRST, name")
			.param("p", programme)
			.param("s", all ? "" : street.trim())
			.query((rs, i) -> institution(rs))
			.list();
	}

	/** One of the programme's institutions; another programme's answers 404. */
	Institution get(String programme, UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM benefits_institution WHERE id = ? AND programme_code = ?")
			.params(id, programme)
			.query((rs, i) -> institution(rs))
			.optional()
			.orElseThrow(() -> Problem.notFound("这个项目没有这家机构。"));
	}

	@Transactional
	Institution add(String programme, NewInstitution request, String by) {
		NewInstitution r = request == null ? new NewInstitution(null, null, null, null) : request;
		String name = trim(r.name());
		String street = trim(r.street());
		String address = trim(r.address());
		String phone = trim(r.phone());
		List<FieldMessage> problems = new ArrayList<>();
		if (name == null) {
			problems.add(new FieldMessage("name", "请填写机构名称"));
		}
		else if (name.length() > 100) {
			problems.add(new FieldMessage("name", "机构名称不超过 100 个字"));
		}
		else if (jdbc.sql("SELECT count(*) FROM benefits_institution WHERE programme_code = ? AND name = ?")
			.params(programme, name).query(Long.class).single() > 0) {
			problems.add(new FieldMessage("name", "本项目已有名为“" + name + "”的机构"));
		}
		if (street != null && !street.equals("全区") && !streets.contains(street)) {
			problems.add(new FieldMessage("street", "请从浦东 36 个街镇中选择，服务全区的留空"));
		}
		if (address == null) {
			problems.add(new FieldMessage("address", "请填写地址"));
		}
		else if (address.length() > 200) {
			problems.add(new FieldMessage("address", "地址不超过 200 个字"));
		}
		if (phone == null || !PHONE.matcher(phone).matches()) {
			problems.add(new FieldMessage("phone", "请填写联系电话（数字，可含连字符，如 021-58880000）"));
		}
		if (!problems.isEmpty()) {
			throw Problem.invalid(problems);
		}
		UUID id = UUID.randomUUID();
		String serves = street == null || street.equals("全区") ? null : street;
		jdbc.sql("INSERT INTO benefits_institution (id, programme_code, name, street, address, phone, created_by, created_at) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, programme, name, serves, address, phone, by, Timestamp.from(clock.instant()))
			.update();
		audit.record("BENEFITS_INSTITUTION_ADDED", "benefits_institution", id, Map.of(),
				Map.of("programme", programme, "name", name, "street", serves == null ? "全区" : serves));
		return get(programme, id);
	}

	@Transactional
	Institution close(String programme, UUID id, String by) {
		Institution institution = get(programme, id);
		int changed = jdbc.sql("UPDATE benefits_institution SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL")
			.params(Timestamp.from(clock.instant()), by, id).update();
		if (changed == 0) {
			throw Problem.conflict("“" + institution.name() + "”已经停止提供这项服务。");
		}
		audit.record("BENEFITS_INSTITUTION_CLOSED", "benefits_institution", id, Map.of("open", true), Map.of("open", false));
		return get(programme, id);
	}

	/**
	 * Opens a slot on every working day from {@code from} to {@code to} in each of {@code bands}, with
	 * {@code capacity} places each; days and bands already open are left as they are.
	 */
	@Transactional
	Opened open(String programme, UUID institutionId, LocalDate from, LocalDate to, List<String> bands, Integer capacity,
			String by) {
		Institution institution = get(programme, institutionId);
		LocalDate today = LocalDate.now(clock);
		List<FieldMessage> problems = new ArrayList<>();
		if (from == null) {
			problems.add(new FieldMessage("from", "请填写开始日期"));
		}
		else if (!from.isAfter(today)) {
			problems.add(new FieldMessage("from", "开始日期须在今天（" + today + "）之后"));
		}
		if (to == null) {
			problems.add(new FieldMessage("to", "请填写结束日期"));
		}
		else if (from != null && to.isBefore(from)) {
			problems.add(new FieldMessage("to", "结束日期不能早于开始日期"));
		}
		else if (from != null && to.isAfter(from.plusDays(MAX_RANGE_DAYS))) {
			problems.add(new FieldMessage("to", "一次最多开放 " + MAX_RANGE_DAYS + " 天的号源"));
		}
		Set<String> chosen = new LinkedHashSet<>();
		for (String band : bands == null || bands.isEmpty() ? List.of("") : bands) {
			String b = band == null || band.isBlank() || band.trim().equals("全天") ? "" : band.trim();
			if (!BANDS.contains(b)) {
				problems.add(new FieldMessage("bands", "时段只能是上午、下午或全天"));
				break;
			}
			chosen.add(b);
		}
		if (chosen.contains("") && chosen.size() > 1) {
			problems.add(new FieldMessage("bands", "全天与上午、下午不能同时开放"));
		}
		if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
			problems.add(new FieldMessage("capacity", "每个时段可约人数须在 1 到 " + MAX_CAPACITY + " 之间"));
		}
		if (!problems.isEmpty()) {
			throw Problem.invalid(problems);
		}
		if (!institution.open()) {
			throw Problem.conflict("“" + institution.name() + "”已经停止提供这项服务，不能再开放号源。");
		}
		int created = 0;
		int skipped = 0;
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			if (!calendar.isWorkingDay(day)) {
				continue;
			}
			for (String band : chosen) {
				int n = jdbc.sql("INSERT INTO benefits_slot (id, institution_id, day, band, capacity) VALUES (?, ?, ?, ?, ?) "
						+ "ON CONFLICT (institution_id, day, band) DO NOTHING")
					.params(UUID.randomUUID(), institutionId, day, band, capacity).update();
				created += n;
				skipped += 1 - n;
			}
		}
		if (created == 0 && skipped == 0) {
			throw Problem.invalid("to", "所选日期中没有工作日");
		}
		audit.record("BENEFITS_SLOTS_OPENED", "benefits_institution", institutionId, Map.of(),
				Map.of("from", from.toString(), "to", to.toString(), "bands", String.join("、", chosen), "capacity", capacity,
						"created", created));
		return new Opened(created, skipped, slots(institutionId, from, to));
	}

	List<Slot> slots(UUID institutionId, LocalDate from, LocalDate to) {
		return jdbc.sql("SELECT id, institution_id, day, band, capacity, booked FROM benefits_slot "
				+ "WHERE institution_id = ? AND day BETWEEN ? AND ? ORDER BY day, band = '', band")
			.params(institutionId, from, to)
			.query((rs, i) -> new Slot(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
					rs.getObject("day", LocalDate.class), rs.getString("band"), rs.getInt("capacity"), rs.getInt("booked")))
			.list();
	}

	/** The institution's slots from today on. */
	List<Slot> upcoming(UUID institutionId) {
		return slots(institutionId, LocalDate.now(clock), LocalDate.now(clock).plusYears(1));
	}

	/** The bookings at this institution this cycle and later, by day. */
	List<Booking> bookings(UUID institutionId) {
		return jdbc.sql("""
				SELECT e.id, e.id_number, e.street, s.day, s.band, e.status, e.served_on
				FROM benefits_entitlement e JOIN benefits_slot s ON s.id = e.slot_id
				WHERE s.institution_id = ? AND e.status IN ('BOOKED', 'SERVED') AND s.day >= ?
				ORDER BY s.day, s.band = '', s.band, e.status, e.id_number
				""")
			.params(institutionId, LocalDate.now(clock).withDayOfYear(1))
			.query((rs, i) -> {
				String id = rs.getString("id_number");
				return new Booking(rs.getObject("id", UUID.class), id.substring(0, 6) + "********" + id.substring(14),
						rs.getString("street"), rs.getObject("day", LocalDate.class), rs.getString("band"),
						rs.getString("status"), Entitlements.label(rs.getString("status")),
						rs.getObject("served_on", LocalDate.class));
			})
			.list();
	}

	/** What a resident of {@code street} can book for the programme: slots after today with room, at open institutions. */
	List<Place> placesFor(String programme, String street) {
		return jdbc.sql("""
				SELECT s.id, i.id AS institution_id, i.name, i.address, i.phone, s.day, s.band, s.capacity - s.booked AS free
				FROM benefits_slot s JOIN benefits_institution i ON i.id = s.institution_id
				WHERE i.programme_code = :p AND i.closed_at IS NULL AND (i.street IS NULL OR i.street = :s)
				  AND s.day > :today AND s.booked < s.capacity
				ORDER BY i.street IS NULL, i.name, s.day, s.band = '', s.band
				""")
			.param("p", programme)
			.param("s", street == null ? "" : street)
			.param("today", LocalDate.now(clock))
			.query((rs, i) -> new Place(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
					rs.getString("name"), rs.getString("address"), rs.getString("phone"), rs.getObject("day", LocalDate.class),
					rs.getString("band"), rs.getInt("free")))
			.list();
	}

	/** The names of the open institutions serving {@code street} (what a notification names). */
	List<String> namesFor(String programme, String street) {
		return jdbc.sql("SELECT name FROM benefits_institution WHERE programme_code = ? AND closed_at IS NULL "
				+ "AND (street IS NULL OR street = ?) ORDER BY street IS NULL, name")
			.params(programme, street == null ? "" : street)
			.query(String.class)
			.list();
	}

	/**
	 * Demo mode: for each programme, its institutions as the programme file names them (a {@code {street}}
	 * template becomes one institution per street/town, the others serve the whole district), each with morning and
	 * afternoon slots on the next {@link Entitlements#BOOKING_DAYS} working days. Once: a programme that has
	 * institutions is left alone.
	 */
	@Transactional
	void seedDemo() {
		LocalDate today = LocalDate.now(clock);
		Instant now = clock.instant();
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day = today.plusDays(1); days.size() < Entitlements.BOOKING_DAYS; day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				days.add(day);
			}
		}
		for (Programme p : programmes.all()) {
			if (jdbc.sql("SELECT count(*) FROM benefits_institution WHERE programme_code = ?").param(p.code())
				.query(Long.class).single() > 0) {
				continue;
			}
			int n = 0;
			for (String template : p.institutions()) {
				for (String street : template.contains("{street}") ? streets : java.util.Collections.<String>singletonList(null)) {
					n++;
					String name = street == null ? template : template.replace("{street}", street);
					UUID id = UUID.nameUUIDFromBytes((p.code() + "/" + name).getBytes(StandardCharsets.UTF_8));
					String address = street == null ? "浦东新区（地址以机构公布为准）" : "浦东新区" + street + "（地址以机构公布为准）";
					String phone = String.format("021-5888%04d", n);
					jdbc.sql("INSERT INTO benefits_institution (id, programme_code, name, street, address, phone, created_by, created_at) "
							+ "VALUES (?, ?, ?, ?, ?, ?, '演示数据', ?) ON CONFLICT DO NOTHING")
						.params(id, p.code(), name, street, address, phone, Timestamp.from(now)).update();
				}
			}
			// morning and afternoon on each day, 30 places at a district-wide institution and 20 at a street's
			jdbc.sql("""
					INSERT INTO benefits_slot (id, institution_id, day, band, capacity)
					SELECT CAST(md5(i.id::text || '/' || d || '/' || b) AS uuid), i.id, d, b, CASE WHEN i.street IS NULL THEN 30 ELSE 20 END
					FROM benefits_institution i CROSS JOIN unnest(CAST(? AS date[])) AS d CROSS JOIN unnest(ARRAY['上午', '下午']) AS b
					WHERE i.programme_code = ?
					ON CONFLICT DO NOTHING""")
				.params("{" + String.join(",", days.stream().map(LocalDate::toString).toList()) + "}", p.code()).update();
		}
	}

	private static String trim(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
