package org.tongban.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Masking;
import org.tongban.shared.Problem;

/**
 * Work lists: the open steps a member of staff may take (by role, unclaimed or claimed by them), earliest
 * deadline first; and for leaders and division staff, the overdue cases escalated to them.
 */
@Service
public class Worklist {

	static final int LIMIT = 100;

	private final JdbcClient jdbc;
	private final TimeLimits limits;
	private final Clock clock;

	Worklist(JdbcClient jdbc, TimeLimits limits, Clock clock) {
		this.jdbc = jdbc;
		this.limits = limits;
		this.clock = clock;
	}

	/**
	 * One line of a work list; {@code applicantId} is the ID number masked (3101**********1230) or the enterprise's
	 * credit code; {@code level} is GREEN, AMBER, RED, or null while the clock is stopped;
	 * {@code provisional} when the date rests on a year whose holidays are not yet published (预计); {@code number}
	 * the 办件编号.
	 */
	public record Entry(UUID id, String itemCode, String itemName, String situationName, String applicantName,
			String applicantId, Channel channel, String channelLabel, CaseStatus status, String statusLabel, String step,
			String stepLabel, String assignee, LocalDate dueOn, boolean provisional, String level, boolean escalated,
			String number) {
	}

	public record Lists(List<Entry> tasks, List<Entry> escalations) {
	}

	@Transactional(readOnly = true)
	public Lists of(SignedInUser me) {
		if (!CaseDuty.handlesCases(me)) {
			throw Problem.forbidden("只有办理办件的工作人员有待办事项。");
		}
		String[] roles = me.roles().stream().filter(Role::isStaff).map(Role::name).toArray(String[]::new);
		LocalDate today = LocalDate.now(clock);
		CaseDuty.Condition duty = CaseDuty.of(me, today);
		// one working-day count per distinct due date, not per line: each count asks the calendar for its revision
		Map<LocalDate, Optional<WarningLevel>> levels = new HashMap<>();
		List<Entry> tasks = jdbc.sql(SELECT + "WHERE step_role = ANY(?) AND (assignee IS NULL OR assignee = ?) AND "
				+ duty.sql() + " ORDER BY due_on NULLS LAST, id LIMIT ?")
				.params(concat(new Object[] { roles, me.username() }, duty.paramsWith(LIMIT)))
				.query((rs, i) -> entry(rs, today, levels, false)).list();
		List<Entry> escalations = new ArrayList<>();
		if (me.has(Role.LEADER) || me.has(Role.DIVISION_STAFF)) {
			escalations = jdbc.sql(SELECT + " WHERE warning_level = 'RED' AND " + duty.sql() + " ORDER BY due_on, id LIMIT ?")
					.params(duty.paramsWith(LIMIT)).query((rs, i) -> entry(rs, today, levels, true)).list();
		}
		return new Lists(tasks, escalations);
	}

	private static Object[] concat(Object[] first, Object[] rest) {
		Object[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
		System.arraycopy(rest, 0, all, first.length, rest.length);
		return all;
	}

	private static final String SELECT = "SELECT id, item_code, item_name, situation_name, applicant_name, applicant_id_number, applicant_uscc, channel, "
			+ "status, step, assignee, due_on, limits_provisional, case_number FROM cases_case ";

	private Entry entry(java.sql.ResultSet rs, LocalDate today, Map<LocalDate, Optional<WarningLevel>> levels,
			boolean escalated) throws java.sql.SQLException {
		CaseStatus status = CaseStatus.valueOf(rs.getString("status"));
		Channel channel = Channel.valueOf(rs.getString("channel"));
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		String level = status == CaseStatus.SUSPENDED || due == null ? null
				: levels.computeIfAbsent(due, d -> limits.level(today, d)).map(WarningLevel::name).orElse(null);
		return new Entry(rs.getObject("id", UUID.class), rs.getString("item_code"), rs.getString("item_name"),
				rs.getString("situation_name"), rs.getString("applicant_name"),
				rs.getString("applicant_id_number") != null ? Masking.idNumber(rs.getString("applicant_id_number"))
						: rs.getString("applicant_uscc"), channel, channel.label(), status,
				status.label(), rs.getString("step"), CaseSteps.stepLabel(rs.getString("step")), rs.getString("assignee"),
				due, rs.getBoolean("limits_provisional"), level, escalated, rs.getString("case_number"));
	}
}
