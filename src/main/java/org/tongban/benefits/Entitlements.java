package org.tongban.benefits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * A resident's offers and what they do with them: book a place in an open slot of a listed institution serving
 * their street/town, cancel the booking, decline, or opt out of a programme (or of all proactive contact); staff
 * record a booked offer served. Another person's offer answers 404. Every change is audited.
 */
@Service
class Entitlements {

	/** How many working days ahead the demo opens slots. */
	static final int BOOKING_DAYS = 10;

	/**
	 * An offer as its person sees it. {@code institutions} and {@code slots} are the names and days that have a place
	 * with room (what the booking API by institution and date accepts); {@code places} are the slots themselves.
	 */
	record Offer(UUID id, String programme, String programmeName, String service, String basis, int cycle, String status,
			String statusLabel, List<String> institutions, List<LocalDate> slots, List<Institutions.Place> places,
			String bookedInstitution, LocalDate bookedDate, String bookedBand, UUID bookedSlot, LocalDate servedOn,
			Instant createdAt) {

		/** The places by institution, in the order listed (the institutions of the street first). */
		public List<PlaceGroup> byInstitution() {
			Map<UUID, PlaceGroup> groups = new java.util.LinkedHashMap<>();
			for (Institutions.Place place : places) {
				groups.computeIfAbsent(place.institutionId(),
						k -> new PlaceGroup(place.institution(), place.address(), place.phone(), new ArrayList<>()))
					.places().add(place);
			}
			return List.copyOf(groups.values());
		}
	}

	record PlaceGroup(String institution, String address, String phone, List<Institutions.Place> places) {
	}

	record OptOut(String programme, Instant at) {
	}

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final Institutions institutions;
	private final RegisterChanges registers;
	private final AuditTrail audit;
	private final Clock clock;

	Entitlements(JdbcClient jdbc, Programmes programmes, Institutions institutions, RegisterChanges registers,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.institutions = institutions;
		this.registers = registers;
		this.audit = audit;
		this.clock = clock;
	}

	static String label(String status) {
		return switch (status) {
			case "PENDING" -> "待通知";
			case "NOTIFIED" -> "已通知，待预约";
			case "BOOKED" -> "已预约";
			case "SERVED" -> "已服务";
			case "DECLINED" -> "已谢绝";
			case "EXPIRED" -> "已过期";
			default -> status;
		};
	}

	List<Offer> mine(String idNumber) {
		if (idNumber == null) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT id, programme_code, cycle, status, street, institution, slot_date, slot_band, slot_id, served_on, created_at
				FROM benefits_entitlement WHERE id_number = ? ORDER BY cycle DESC, created_at
				""")
			.param(idNumber)
			.query((rs, i) -> {
				Programme p = programmes.get(rs.getString("programme_code"));
				String status = rs.getString("status");
				boolean open = status.equals("PENDING") || status.equals("NOTIFIED");
				List<Institutions.Place> places = open ? institutions.placesFor(p.code(), rs.getString("street")) : List.of();
				return new Offer(rs.getObject("id", UUID.class), p.code(), p.name(), p.service(), p.basis(),
						rs.getInt("cycle"), status, label(status),
						places.stream().map(Institutions.Place::institution).distinct().toList(),
						places.stream().map(Institutions.Place::date).distinct().sorted().toList(), places,
						rs.getString("institution"), rs.getObject("slot_date", LocalDate.class), rs.getString("slot_band"),
						rs.getObject("slot_id", UUID.class), rs.getObject("served_on", LocalDate.class),
						rs.getTimestamp("created_at").toInstant());
			})
			.list();
	}

	private Offer own(UUID id, String idNumber) {
		return mine(idNumber).stream().filter(o -> o.id().equals(id)).findFirst()
			.orElseThrow(() -> Problem.notFound("没有这项免申即享服务。"));
	}

	private record Target(UUID slot, UUID institutionId, String institution, String street, boolean open, LocalDate day,
			String band, int capacity, int booked) {
	}

	private static final String TARGET = """
			SELECT s.id, i.id AS institution_id, i.name, i.street, i.closed_at IS NULL AS open, s.day, s.band, s.capacity, s.booked
			FROM benefits_slot s JOIN benefits_institution i ON i.id = s.institution_id
			""";

	private static Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Target(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class), rs.getString("name"),
				rs.getString("street"), rs.getBoolean("open"), rs.getObject("day", LocalDate.class), rs.getString("band"),
				rs.getInt("capacity"), rs.getInt("booked"));
	}

	/** A refusal beside a field that is a conflict of state (full, closed), not bad input. */
	private static Problem conflict(String field, String message) {
		return new Problem(HttpStatus.CONFLICT, "conflict", "状态冲突", message, List.of(new FieldMessage(field, message)));
	}

	/**
	 * Books a place: the slot named, or (as before slots were data) the slot at the institution named on that day
	 * (in that band, when given). The place is taken with a conditional update (booked < capacity), so concurrent
	 * bookings never take more places than there are; a booking refused for any reason takes none.
	 */
	@Transactional
	Offer book(UUID id, String idNumber, UUID slot, String institution, LocalDate date, String band) {
		Offer offer = own(id, idNumber);
		if (!offer.status().equals("PENDING") && !offer.status().equals("NOTIFIED")) {
			throw Problem.conflict("这项服务" + offer.statusLabel() + "，不能再预约。");
		}
		String street = jdbc.sql("SELECT street FROM benefits_entitlement WHERE id = ?").param(id).query(String.class).single();
		String where = street.isEmpty() ? "浦东新区以外" : street;
		Target t;
		String field;
		if (slot != null) {
			field = "slot";
			t = jdbc.sql(TARGET + "WHERE s.id = ? AND i.programme_code = ?").params(slot, offer.programme())
				.query((rs, i) -> target(rs)).optional()
				.orElseThrow(() -> Problem.invalid("slot", "请从列出的机构和时段中选择"));
		}
		else {
			List<FieldMessage> problems = new ArrayList<>();
			List<String> names = institutions.namesFor(offer.programme(), street);
			boolean named = institution != null && !institution.isBlank();
			if (!named && date == null) {
				throw Problem.invalid("slot", "请选择预约的机构和时段");
			}
			boolean known = named && jdbc.sql("SELECT count(*) FROM benefits_institution WHERE programme_code = ? AND name = ?")
				.params(offer.programme(), institution).query(Long.class).single() > 0;
			if (!known) {
				problems.add(new FieldMessage("institution", "请从列出的机构中选择：" + String.join("、", names)));
			}
			if (date == null || !date.isAfter(LocalDate.now(clock)) || jdbc.sql("""
					SELECT count(*) FROM benefits_slot s JOIN benefits_institution i ON i.id = s.institution_id
					WHERE i.programme_code = ? AND s.day = ? AND (i.street IS NULL OR i.street = ?)""")
				.params(offer.programme(), date, street).query(Long.class).single() == 0) {
				problems.add(new FieldMessage("date", "请选择列出的可预约日期"));
			}
			if (!problems.isEmpty()) {
				throw Problem.invalid(problems);
			}
			field = "date";
			String b = band == null || band.isBlank() ? null : band.trim().equals("全天") ? "" : band.trim();
			t = jdbc.sql(TARGET + "WHERE i.programme_code = :p AND i.name = :n AND s.day = :d AND (CAST(:b AS text) IS NULL OR s.band = :b) "
					+ "ORDER BY s.booked < s.capacity DESC, s.band = '', s.band LIMIT 1")
				.param("p", offer.programme()).param("n", institution).param("d", date).param("b", b)
				.query((rs, i) -> target(rs)).optional()
				.orElseThrow(() -> Problem.invalid("date", "“" + institution + "”在 " + date + (b == null ? "" : b)
						+ " 没有开放号源，请选择列出的日期"));
		}
		if (t.street() != null && !t.street().equals(street)) {
			throw Problem.invalid(field, "“" + t.institution() + "”只服务" + t.street() + "的居民，您居住在" + where
					+ "，请选择列出的机构");
		}
		LocalDate today = LocalDate.now(clock);
		if (!t.day().isAfter(today)) {
			throw Problem.invalid(field, t.day() + " 的号源已不能预约（最早可约明天），请选择列出的时段");
		}
		if (!t.open()) {
			throw conflict(field, "“" + t.institution() + "”已停止提供这项服务，请选择其他机构");
		}
		int taken = jdbc.sql("""
				UPDATE benefits_slot s SET booked = booked + 1
				WHERE s.id = ? AND s.booked < s.capacity AND s.day > ?
				  AND EXISTS (SELECT 1 FROM benefits_institution i WHERE i.id = s.institution_id AND i.closed_at IS NULL)
				""").params(t.slot(), today).update();
		if (taken == 0) {
			Target now = jdbc.sql(TARGET + "WHERE s.id = ?").param(t.slot()).query((rs, i) -> target(rs)).single();
			throw conflict(field, !now.open() ? "“" + t.institution() + "”已停止提供这项服务，请选择其他机构"
					: "“" + t.institution() + "” " + t.day() + (t.band().isEmpty() ? "" : t.band()) + " 已约满，请选择其他时段");
		}
		int changed = jdbc.sql("""
				UPDATE benefits_entitlement SET status = 'BOOKED', institution = ?, slot_date = ?, slot_band = ?, slot_id = ?,
				       booked_at = ?, decided_at = ?
				WHERE id = ? AND status IN ('PENDING', 'NOTIFIED')""")
			.params(t.institution(), t.day(), t.band(), t.slot(), Timestamp.from(clock.instant()),
					Timestamp.from(clock.instant()), id)
			.update();
		if (changed == 0) {
			// the place taken above goes back with the transaction
			throw Problem.conflict("这项服务的状态刚刚改变，请刷新后再试。");
		}
		audit.record("BENEFITS_BOOKED", "benefits_entitlement", id, Map.of("status", offer.status()),
				Map.of("status", "BOOKED", "institution", t.institution(), "date", t.day().toString(), "band", t.band(),
						"slot", t.slot().toString()));
		return own(id, idNumber);
	}

	/** Gives the place of a booked offer back. */
	private void release(UUID entitlement) {
		jdbc.sql("UPDATE benefits_slot SET booked = booked - 1 WHERE booked > 0 "
				+ "AND id = (SELECT slot_id FROM benefits_entitlement WHERE id = ?)").param(entitlement).update();
	}

	/** Cancels a booking: the place goes back and the offer can be booked again. */
	@Transactional
	Offer cancel(UUID id, String idNumber) {
		Offer offer = own(id, idNumber);
		if (!offer.status().equals("BOOKED")) {
			throw Problem.conflict("这项服务" + offer.statusLabel() + "，没有可取消的预约。");
		}
		release(id);
		int changed = jdbc.sql("""
				UPDATE benefits_entitlement SET status = 'NOTIFIED', institution = NULL, slot_date = NULL, slot_band = NULL,
				       slot_id = NULL, booked_at = NULL, decided_at = ?
				WHERE id = ? AND status = 'BOOKED'""").params(Timestamp.from(clock.instant()), id).update();
		if (changed == 0) {
			throw Problem.conflict("这项服务的状态刚刚改变，请刷新后再试。");
		}
		audit.record("BENEFITS_BOOKING_CANCELLED", "benefits_entitlement", id,
				Map.of("status", "BOOKED", "institution", offer.bookedInstitution(), "date", String.valueOf(offer.bookedDate())),
				Map.of("status", "NOTIFIED"));
		return own(id, idNumber);
	}

	@Transactional
	Offer decline(UUID id, String idNumber) {
		Offer offer = own(id, idNumber);
		if (offer.status().equals("SERVED") || offer.status().equals("DECLINED") || offer.status().equals("EXPIRED")) {
			throw Problem.conflict("这项服务" + offer.statusLabel() + "，不能再谢绝。");
		}
		if (offer.status().equals("BOOKED")) {
			release(id);
		}
		int changed = jdbc.sql("UPDATE benefits_entitlement SET status = 'DECLINED', decided_at = ? WHERE id = ? AND status = ?")
			.params(Timestamp.from(clock.instant()), id, offer.status()).update();
		if (changed == 0) {
			throw Problem.conflict("这项服务的状态刚刚改变，请刷新后再试。");
		}
		audit.record("BENEFITS_DECLINED", "benefits_entitlement", id, Map.of("status", offer.status()),
				Map.of("status", "DECLINED"));
		return own(id, idNumber);
	}

	/**
	 * Staff record that a booked offer of their programme was served at the institution on {@code on} (today when
	 * not given). A service the registers keep (screening, check-up) is recorded there too. Another programme's
	 * offer answers 404.
	 */
	@Transactional
	Institutions.Booking serve(String programme, UUID id, LocalDate on, String by) {
		record Row(String idNumber, String status, String institution, UUID slot, Instant bookedAt) {
		}
		Row row = jdbc.sql("SELECT id_number, status, institution, slot_id, booked_at FROM benefits_entitlement "
				+ "WHERE id = ? AND programme_code = ?")
			.params(id, programme)
			.query((rs, i) -> new Row(rs.getString("id_number"), rs.getString("status"), rs.getString("institution"),
					rs.getObject("slot_id", UUID.class),
					rs.getTimestamp("booked_at") == null ? null : rs.getTimestamp("booked_at").toInstant()))
			.optional()
			.orElseThrow(() -> Problem.notFound("这个项目没有这项服务记录。"));
		if (!row.status().equals("BOOKED")) {
			throw Problem.conflict("这项服务" + label(row.status()) + "，只有已预约的服务可以登记为已服务。");
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate day = on == null ? today : on;
		if (day.isAfter(today)) {
			throw Problem.invalid("date", "服务日期不能晚于今天（" + today + "）");
		}
		LocalDate booked = row.bookedAt() == null ? null : LocalDate.ofInstant(row.bookedAt(), clock.getZone());
		if (booked != null && day.isBefore(booked)) {
			throw Problem.invalid("date", "服务日期不能早于预约日（" + booked + "）");
		}
		int changed = jdbc.sql("UPDATE benefits_entitlement SET status = 'SERVED', served_on = ?, decided_at = ? "
				+ "WHERE id = ? AND status = 'BOOKED'")
			.params(day, Timestamp.from(clock.instant()), id).update();
		if (changed == 0) {
			throw Problem.conflict("这项服务的状态刚刚改变，请刷新后再试。");
		}
		audit.record("BENEFITS_SERVED", "benefits_entitlement", id, Map.of("status", "BOOKED"),
				Map.of("status", "SERVED", "servedOn", day.toString(), "by", by));
		RegisterChanges.FULFILS.entrySet().stream().filter(e -> e.getValue().equals(programme)).findFirst()
			.ifPresent(e -> registers.served(row.idNumber(), e.getKey(), day, row.institution(), "免申即享服务机构登记"));
		String idNumber = row.idNumber();
		return jdbc.sql("""
				SELECT e.id, e.street, e.slot_date, e.slot_band, e.status, e.served_on FROM benefits_entitlement e WHERE e.id = ?""")
			.param(id)
			.query((rs, i) -> new Institutions.Booking(rs.getObject("id", UUID.class),
					idNumber.substring(0, 6) + "********" + idNumber.substring(14), rs.getString("street"),
					rs.getObject("slot_date", LocalDate.class), rs.getString("slot_band"), rs.getString("status"),
					label(rs.getString("status")), rs.getObject("served_on", LocalDate.class)))
			.single();
	}

	/** Opts out of one programme, or of all proactive offers ({@code programme} null or "*"); the matcher respects it. */
	@Transactional
	OptOut optOut(String idNumber, String programme) {
		String code = programme == null || programme.isBlank() ? "*" : programme;
		if (!code.equals("*") && programmes.byCode(code).isEmpty()) {
			throw Problem.invalid("programme", "没有编号为 " + code + " 的项目；不再接收全部提醒请填 *");
		}
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO benefits_opt_out (id_number, programme_code, opted_out_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(idNumber, code, Timestamp.from(now)).update();
		audit.record("BENEFITS_OPTED_OUT", "benefits_opt_out", idNumber.substring(0, 6) + "********" + idNumber.substring(14),
				Map.of(), Map.of("programme", code));
		return new OptOut(code, now);
	}

	List<OptOut> optOuts(String idNumber) {
		return jdbc.sql("SELECT programme_code, opted_out_at FROM benefits_opt_out WHERE id_number = ? ORDER BY opted_out_at")
			.param(idNumber)
			.query((rs, i) -> new OptOut(rs.getString("programme_code"), rs.getTimestamp("opted_out_at").toInstant()))
			.list();
	}
}
