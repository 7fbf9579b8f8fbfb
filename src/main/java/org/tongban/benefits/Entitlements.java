package org.tongban.benefits;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.WorkingDayCalendar;

/**
 * A resident's offers and what they do with them: book a slot at a listed institution, decline, or opt out of a
 * programme (or of all proactive contact). Another person's offer answers 404. Every change is audited.
 */
@Service
class Entitlements {

	/** How many working days ahead a resident can book. */
	static final int BOOKING_DAYS = 10;

	record Offer(UUID id, String programme, String programmeName, String service, String basis, int cycle, String status,
			String statusLabel, List<String> institutions, List<LocalDate> slots, String bookedInstitution,
			LocalDate bookedDate, Instant createdAt) {
	}

	record OptOut(String programme, Instant at) {
	}

	private final JdbcClient jdbc;
	private final Programmes programmes;
	private final WorkingDayCalendar calendar;
	private final AuditTrail audit;
	private final Clock clock;

	Entitlements(JdbcClient jdbc, Programmes programmes, WorkingDayCalendar calendar, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.programmes = programmes;
		this.calendar = calendar;
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
		List<LocalDate> slots = slots();
		return jdbc.sql("""
				SELECT id, programme_code, cycle, status, street, institution, slot_date, created_at
				FROM benefits_entitlement WHERE id_number = ? ORDER BY cycle DESC, created_at
				""")
			.param(idNumber)
			.query((rs, i) -> {
				Programme p = programmes.get(rs.getString("programme_code"));
				String status = rs.getString("status");
				boolean open = status.equals("PENDING") || status.equals("NOTIFIED");
				return new Offer(rs.getObject("id", UUID.class), p.code(), p.name(), p.service(), p.basis(),
						rs.getInt("cycle"), status, label(status), p.institutionsFor(rs.getString("street")),
						open ? slots : List.of(), rs.getString("institution"), rs.getObject("slot_date", LocalDate.class),
						rs.getTimestamp("created_at").toInstant());
			})
			.list();
	}

	/** The days a slot can be booked on: the next working days, starting tomorrow. */
	List<LocalDate> slots() {
		List<LocalDate> days = new ArrayList<>();
		LocalDate day = LocalDate.now(clock);
		while (days.size() < BOOKING_DAYS) {
			day = day.plusDays(1);
			if (calendar.isWorkingDay(day)) {
				days.add(day);
			}
		}
		return days;
	}

	private Offer own(UUID id, String idNumber) {
		return mine(idNumber).stream().filter(o -> o.id().equals(id)).findFirst()
			.orElseThrow(() -> Problem.notFound("没有这项免申即享服务。"));
	}

	@Transactional
	Offer book(UUID id, String idNumber, String institution, LocalDate date) {
		Offer offer = own(id, idNumber);
		if (!offer.status().equals("PENDING") && !offer.status().equals("NOTIFIED")) {
			throw Problem.conflict("这项服务" + offer.statusLabel() + "，不能再预约。");
		}
		List<FieldMessage> problems = new ArrayList<>();
		if (institution == null || !offer.institutions().contains(institution)) {
			problems.add(new FieldMessage("institution", "请从列出的机构中选择：" + String.join("、", offer.institutions())));
		}
		if (date == null || !offer.slots().contains(date)) {
			problems.add(new FieldMessage("date", "请选择列出的可预约日期（今后 " + BOOKING_DAYS + " 个工作日）"));
		}
		if (!problems.isEmpty()) {
			throw Problem.invalid(problems);
		}
		int changed = jdbc.sql("UPDATE benefits_entitlement SET status = 'BOOKED', institution = ?, slot_date = ?, decided_at = ? "
				+ "WHERE id = ? AND status IN ('PENDING', 'NOTIFIED')")
			.params(institution, date, Timestamp.from(clock.instant()), id).update();
		if (changed == 0) {
			throw Problem.conflict("这项服务的状态刚刚改变，请刷新后再试。");
		}
		audit.record("BENEFITS_BOOKED", "benefits_entitlement", id, Map.of("status", offer.status()),
				Map.of("status", "BOOKED", "institution", institution, "date", date.toString()));
		return own(id, idNumber);
	}

	@Transactional
	Offer decline(UUID id, String idNumber) {
		Offer offer = own(id, idNumber);
		if (offer.status().equals("SERVED") || offer.status().equals("DECLINED") || offer.status().equals("EXPIRED")) {
			throw Problem.conflict("这项服务" + offer.statusLabel() + "，不能再谢绝。");
		}
		jdbc.sql("UPDATE benefits_entitlement SET status = 'DECLINED', decided_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id).update();
		audit.record("BENEFITS_DECLINED", "benefits_entitlement", id, Map.of("status", offer.status()),
				Map.of("status", "DECLINED"));
		return own(id, idNumber);
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
