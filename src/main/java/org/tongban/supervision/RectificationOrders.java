package org.tongban.supervision;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.AccountManagement;
import org.tongban.notification.Inbox;
import org.tongban.shared.Problem;
import org.tongban.shared.Sm3;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.supervision.EnforcementRecords.Subject;

/**
 * 责令改正: the order an inspection with a non-compliant finding ends in, due a number of working days after it was
 * issued (the shared calendar, so holidays and make-up working days count as the law counts them), its follow-up
 * re-inspection, and the warning to the inspectors and the planner once it is overdue.
 */
@Service
public class RectificationOrders {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	/** An order; {@code overdue} when still open after its due date. */
	public record Order(UUID id, List<String> items, String requirement, int workingDays, LocalDate issuedOn,
			LocalDate due, String status, String statusLabel, String followedUpBy, Instant followedUpAt,
			String followUpNote, UUID followUpPhoto, boolean overdue) {
	}

	private final JdbcClient jdbc;
	private final WorkingDayCalendar calendar;
	private final EnforcementRecords records;
	private final Inbox inbox;
	private final AccountManagement accounts;
	private final Inspectors inspectors;
	private final Clock clock;

	RectificationOrders(JdbcClient jdbc, WorkingDayCalendar calendar, EnforcementRecords records, Inbox inbox,
			AccountManagement accounts, Inspectors inspectors, Clock clock) {
		this.jdbc = jdbc;
		this.calendar = calendar;
		this.records = records;
		this.inbox = inbox;
		this.accounts = accounts;
		this.inspectors = inspectors;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(ZONE));
	}

	/** Issues the order of a finished inspection and tells the entity, if it has an account. */
	@Transactional(propagation = Propagation.MANDATORY)
	Order issue(UUID inspectionId, String uscc, String entityName, List<String> items, String itemText,
			String requirement, int workingDays, String username) {
		LocalDate issued = today();
		LocalDate due = calendar.plusWorkingDays(issued, workingDays);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO supervision_rectification_order (id, inspection_id, items, requirement, working_days, issued_on,
				  due, issued_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
			.params(id, inspectionId, items.toArray(String[]::new), requirement, workingDays, issued, due, username)
			.update();
		String text = "责令改正：" + itemText + "；整改要求：" + requirement + "；期限 " + workingDays + " 个工作日，至 " + due;
		records.append(Subject.INSPECTION, inspectionId, "RECTIFICATION_ORDERED", username, text, Sm3.hex(text));
		accounts.applicantUsername(null, uscc).ifPresent(account -> inbox.notifyUser(account, "监督执法", "责令改正通知",
				(entityName == null ? "贵单位" : entityName) + "：卫生监督检查发现以下问题：" + itemText + "。整改要求："
						+ requirement + "。请于 " + due + " 前（" + workingDays + " 个工作日）整改完毕，届时监督员将复查。",
				null, "supervision-order-" + id));
		return of(inspectionId).orElseThrow();
	}

	/** Records the follow-up re-inspection of an open order, with its photo already stored. */
	@Transactional(propagation = Propagation.MANDATORY)
	Order followUp(UUID inspectionId, String uscc, String entityName, boolean rectified, String note, UUID photoId,
			String photoSm3, String username) {
		Order order = of(inspectionId).orElseThrow(() -> Problem.conflict("本次检查没有责令改正，无需复查。"));
		int changed = jdbc.sql("""
				UPDATE supervision_rectification_order SET status = ?, followed_up_by = ?, followed_up_at = ?,
				  follow_up_note = ?, follow_up_photo = ? WHERE id = ? AND status = 'OPEN'""")
			.params(rectified ? "RECTIFIED" : "NOT_RECTIFIED", username,
					Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)), note, photoId, order.id())
			.update();
		if (changed == 0) {
			throw Problem.conflict("复查结果已经记录（" + order.statusLabel() + "），不能重复记录。");
		}
		String text = (rectified ? "复查：已整改" : "复查：逾期未整改或整改不到位") + "。" + note;
		records.append(Subject.INSPECTION, inspectionId, "FOLLOW_UP", username, text, photoSm3);
		accounts.applicantUsername(null, uscc).ifPresent(account -> inbox.notifyUser(account, "监督执法",
				rectified ? "整改复查：已整改" : "整改复查：未整改到位",
				(entityName == null ? "贵单位" : entityName) + "：卫生监督员已复查责令改正事项，结论："
						+ (rectified ? "已整改。" : "未整改到位，将依法处理。") + "说明：" + note,
				null, "supervision-follow-up-" + order.id()));
		return of(inspectionId).orElseThrow();
	}

	public Optional<Order> of(UUID inspectionId) {
		LocalDate today = today();
		return jdbc.sql("""
				SELECT id, items, requirement, working_days, issued_on, due, status, followed_up_by, followed_up_at,
				  follow_up_note, follow_up_photo FROM supervision_rectification_order WHERE inspection_id = ?""")
			.param(inspectionId)
			.query((rs, i) -> {
				String status = rs.getString(7);
				LocalDate due = rs.getObject(6, LocalDate.class);
				Timestamp at = rs.getTimestamp(9);
				return new Order(rs.getObject(1, UUID.class), List.of((String[]) rs.getArray(2).getArray()),
						rs.getString(3), rs.getInt(4), rs.getObject(5, LocalDate.class), due, status, label(status),
						rs.getString(8), at == null ? null : at.toInstant(), rs.getString(10),
						rs.getObject(11, UUID.class), "OPEN".equals(status) && today.isAfter(due));
			})
			.optional();
	}

	static String label(String status) {
		return switch (status) {
			case "OPEN" -> "待复查";
			case "RECTIFIED" -> "已整改";
			default -> "未整改到位";
		};
	}

	/**
	 * Tells the two inspectors and the planner who made the plan about every open order past its due date, each
	 * person once per order and due date (the inbox's dedup key), and records the warning in the full-process record.
	 * Returns how many messages were sent.
	 */
	@Transactional
	public int warnOverdue() {
		record Late(UUID inspection, UUID order, LocalDate due, String uscc, String name, String inspector1,
				String inspector2, String planner) {
		}
		List<Late> late = jdbc.sql("""
				SELECT o.inspection_id, o.id, o.due, i.uscc, e.name, i.inspector1, i.inspector2, p.created_by
				FROM supervision_rectification_order o JOIN supervision_inspection i ON i.id = o.inspection_id
				JOIN supervision_draw d ON d.id = i.draw_id JOIN supervision_plan p ON p.id = d.plan_id
				LEFT JOIN supervision_entity e ON e.uscc = i.uscc
				WHERE o.status = 'OPEN' AND o.due < ? ORDER BY o.due, o.id""")
			.param(today())
			.query((rs, i) -> new Late(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getString(8)))
			.list();
		int sent = 0;
		for (Late l : late) {
			Set<String> people = new LinkedHashSet<>();
			for (String code : List.of(l.inspector1(), l.inspector2())) {
				inspectors.find(code).map(Inspectors.Inspector::username).filter(u -> u != null).ifPresent(people::add);
			}
			people.add(l.planner());
			List<String> told = new ArrayList<>();
			for (String person : people) {
				if (inbox.notifyUser(person, "监督执法", "责令改正逾期未复查",
						(l.name() == null ? l.uscc() : l.name()) + "的责令改正应于 " + l.due() + " 前完成，现已逾期，请尽快复查。",
						"/supervision/inspections/" + l.inspection(),
						"supervision-order-" + l.order() + "-overdue-" + l.due() + "-" + person)) {
					told.add(person);
				}
			}
			if (!told.isEmpty()) {
				records.append(Subject.INSPECTION, l.inspection(), "OVERDUE_WARNED", "system",
						"整改期限 " + l.due() + " 已过，已提醒：" + String.join("、", told), null);
				sent += told.size();
			}
		}
		return sent;
	}

	/** Runs {@link #warnOverdue} hourly on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final RectificationOrders orders;

		Schedule(RectificationOrders orders) {
			this.orders = orders;
		}

		@org.springframework.scheduling.annotation.Scheduled(cron = "${tongban.supervision.overdue-cron:0 25 * * * *}",
				zone = "Asia/Shanghai")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "supervision-rectification-orders",
				lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
		void run() {
			orders.warnOverdue();
		}
	}
}
