package org.tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * After a kill -9 and restart (bench/durability.sh): every submission that was answered (IDS_FILE lines
 * "key id status") is in the database exactly once under its key, no key maps to two cases, every open case
 * is at a step with its deadline, and every case past its first action still has its running process.
 * Exit code 1 on FAIL. Usage: DurabilityCheck JDBC_URL IDS_FILE
 */
public class DurabilityCheck {

	public static void main(String[] args) throws Exception {
		String url = args[0];
		List<String[]> answered = new ArrayList<>();
		for (String line : Files.readAllLines(Path.of(args[1]))) {
			if (!line.isBlank()) {
				answered.add(line.trim().split(" "));
			}
		}
		List<String> failures = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
			// 1. every answered submission exists once, under its key, and answers agree with each other
			Map<String, String> idByKey = new HashMap<>();
			int missing = 0, wrongKey = 0, conflicting = 0;
			PreparedStatement byId = c.prepareStatement("SELECT count(*) FROM cases_case WHERE id = ?");
			PreparedStatement byKey = c.prepareStatement(
					"SELECT case_id FROM cases_idempotency WHERE owner = 'citizen' AND key = ?");
			for (String[] a : answered) {
				String earlier = idByKey.putIfAbsent(a[0], a[1]);
				if (earlier != null && !earlier.equals(a[1])) {
					conflicting++;
				}
				byId.setObject(1, UUID.fromString(a[1]));
				ResultSet rs = byId.executeQuery();
				rs.next();
				if (rs.getLong(1) != 1) {
					missing++;
				}
				byKey.setString(1, a[0]);
				ResultSet k = byKey.executeQuery();
				if (!k.next() || !k.getObject(1, UUID.class).toString().equals(a[1])) {
					wrongKey++;
				}
			}
			long replayed = answered.stream().filter(a -> a[2].equals("200")).count();
			report(failures, missing == 0, "answered submissions (201/200) found in cases_case: %d of %d (%d answered as replays)",
					answered.size() - missing, answered.size(), replayed);
			report(failures, wrongKey == 0, "answered keys mapping to the answered case: %d of %d", answered.size() - wrongKey,
					answered.size());
			report(failures, conflicting == 0, "keys answered with two different cases: %d", conflicting);
			long doubled = single(c, "SELECT count(*) FROM (SELECT case_id FROM cases_idempotency GROUP BY case_id HAVING count(*) > 1) d");
			report(failures, doubled == 0, "cases claimed by more than one idempotency key: %d", doubled);
			long orphans = single(c, "SELECT count(*) FROM cases_idempotency k LEFT JOIN cases_case c ON c.id = k.case_id WHERE c.id IS NULL");
			report(failures, orphans == 0, "idempotency keys without their case: %d", orphans);

			// 2. every open case is at a step with a deadline; a case waits for the window's first action without a
			// process (it starts with that action), and every case with a process still has it running
			String open = "status IN ('SUBMITTED', 'UNDER_REVIEW', 'SUSPENDED', 'CORRECTION_REQUESTED')";
			long openCases = single(c, "SELECT count(*) FROM cases_case WHERE " + open);
			long stepless = single(c, "SELECT count(*) FROM cases_case WHERE " + open + " AND (step IS NULL OR step_role IS NULL)");
			report(failures, stepless == 0, "open cases at a step with the role that acts on it: %d of %d", openCases - stepless,
					openCases);
			long lostProcess = single(c, "SELECT count(*) FROM cases_case c WHERE " + open + " AND (c.process_instance_id IS NOT NULL"
					+ " OR c.status <> 'SUBMITTED') AND NOT EXISTS (SELECT 1 FROM act_ru_execution e"
					+ " WHERE e.id_ = c.process_instance_id AND e.business_key_ = c.id::text)");
			report(failures, lostProcess == 0, "open cases past their first action without their running process: %d", lostProcess);
			long waiting = single(c, "SELECT count(*) FROM cases_case WHERE " + open + " AND process_instance_id IS NULL");
			System.out.printf("info: open cases waiting for the window's first action (process not started yet): %d%n", waiting);
			// waiting for the applicant's correction, a case has no deadline: the clock stops (the demo data holds one)
			long noDeadline = single(c, "SELECT count(*) FROM cases_case WHERE " + open + " AND status <> 'CORRECTION_REQUESTED'"
					+ " AND NOT limits_provisional AND (due_on IS NULL OR (status = 'SUBMITTED' AND acceptance_due IS NULL))");
			report(failures, noDeadline == 0, "open cases without a deadline (limits not pending, clock not stopped for a correction): %d",
					noDeadline);
			long twoProcesses = single(c, "SELECT count(*) FROM (SELECT business_key_ FROM act_ru_execution WHERE parent_id_ IS NULL"
					+ " AND business_key_ IS NOT NULL GROUP BY business_key_ HAVING count(*) > 1) d");
			report(failures, twoProcesses == 0, "cases with two running processes: %d", twoProcesses);
			long incomplete = single(c, "SELECT count(*) FROM event_publication WHERE completion_date IS NULL");
			System.out.printf("info: event publications not completed: %d; cases in all: %d%n", incomplete,
					single(c, "SELECT count(*) FROM cases_case"));
		}
		System.out.println(failures.isEmpty() ? "PASS" : "FAIL: " + String.join("; ", failures));
		System.exit(failures.isEmpty() ? 0 : 1);
	}

	static void report(List<String> failures, boolean ok, String format, Object... args) {
		String line = String.format(format, args);
		System.out.println((ok ? "ok    " : "FAIL  ") + line);
		if (!ok) {
			failures.add(line);
		}
	}

	static long single(Connection c, String sql) throws Exception {
		try (ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}
}
