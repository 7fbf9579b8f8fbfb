package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migration that brought case numbers back-fills the cases submitted before it: run again here on a
 * schema of its own holding a few such cases, it numbers them per year in the order of submission (the year in
 * Shanghai), gives each a query code of the application's alphabet, leaves drafts alone and sets the counters.
 */
class NumberingExistingCasesTests extends CasesIntegrationTest {

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Test
	void existingCasesAreNumberedPerYearInOrderOfSubmission() throws Exception {
		String migration = new ClassPathResource("db/migration/V89.1__cases_numbers.sql")
				.getContentAsString(StandardCharsets.UTF_8);
		List<Map<String, Object>> rows = jdbcTemplate.execute((java.sql.Connection connection) -> {
			try (var s = connection.createStatement()) {
				s.execute("DROP SCHEMA IF EXISTS backfill_check CASCADE; CREATE SCHEMA backfill_check; "
						+ "SET search_path TO backfill_check");
				try {
				s.execute("""
						CREATE TABLE cases_case (id UUID PRIMARY KEY, submitted_at TIMESTAMPTZ, status TEXT);
						INSERT INTO cases_case VALUES
						 ('00000000-0000-0000-0000-000000000001', '2026-03-01 10:00+08', 'SUBMITTED'),
						 ('00000000-0000-0000-0000-000000000002', '2026-12-31 16:30+00', 'SUBMITTED'),
						 ('00000000-0000-0000-0000-000000000003', '2026-12-31 15:30+00', 'GRANTED'),
						 ('00000000-0000-0000-0000-000000000004', '2025-05-01 10:00+08', 'GRANTED'),
						 ('00000000-0000-0000-0000-000000000005', '2026-01-02 10:00+08', 'SUBMITTED'),
						 ('00000000-0000-0000-0000-000000000006', NULL, 'DRAFT')""");
				s.execute(migration);
				List<Map<String, Object>> out = new java.util.ArrayList<>();
				try (var rs = s.executeQuery("SELECT id::text AS id, case_number, query_code FROM cases_case ORDER BY id")) {
					while (rs.next()) {
						out.add(java.util.Collections.unmodifiableMap(new java.util.HashMap<>(Map.of("id", rs.getString(1),
								"number", String.valueOf(rs.getString(2)), "code", String.valueOf(rs.getString(3))))));
					}
				}
				try (var rs = s.executeQuery("SELECT string_agg(year || ':' || last_value, ',' ORDER BY year) FROM cases_number_counter")) {
					rs.next();
					out.add(Map.of("counters", rs.getString(1)));
				}
				return out;
				}
				finally {
					// the connection goes back to the pool as it came
					s.execute("RESET search_path; DROP SCHEMA backfill_check CASCADE");
				}
			}
		});
		assertThat(rows.subList(0, 6)).extracting(r -> r.get("number")).containsExactly("2026-000002",
				// 00:30 on 1 January in Shanghai is still 31 December in UTC
				"2027-000001", "2026-000003", "2025-000001", "2026-000001", "null");
		assertThat(rows.subList(0, 5)).extracting(r -> r.get("code"))
				.allMatch(c -> ((String) c).matches("[" + CaseNumbers.ALPHABET + "]{8}")).doesNotHaveDuplicates();
		assertThat(rows.get(5).get("code")).isEqualTo("null");
		assertThat(rows.get(6).get("counters")).isEqualTo("2025:1,2026:3,2027:1");
	}
}
