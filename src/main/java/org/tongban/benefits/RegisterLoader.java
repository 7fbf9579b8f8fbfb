package org.tongban.benefits;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.tongban.shared.ResidentIdNumber;

/**
 * Loads a register feed with PostgreSQL COPY: each resident's rows go to spool files (so memory stays bounded at any
 * size), then one COPY per table. A row whose ID number fails GB 11643 is skipped, counted and reported by its
 * position in the feed, and the load goes on.
 */
final class RegisterLoader {

	/** What a load did: residents loaded, register rows loaded, rows skipped and why (the first few). */
	record Report(long residents, long rows, long skipped, List<String> problems) {
	}

	private static final String[] TABLES = {
			"benefits_person (id_number, sex, birth_date, household_local, street, recorded_on, source)",
			"benefits_status (id_number, kind, since, until, source)",
			"benefits_service (id_number, kind, served_on, institution, source)",
			"benefits_contract (id_number, signed_on, ended_on, institution, source)",
			"benefits_booking (id_number, booked_on, partner_id_number, partner_local, source)"};

	private RegisterLoader() {
	}

	static Report load(DataSource dataSource, SyntheticPudong pudong, long count) {
		Path dir;
		try {
			dir = Files.createTempDirectory("benefits-registers");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Path[] files = new Path[TABLES.length];
		Writer[] out = new Writer[TABLES.length];
		long[] counters = new long[3];
		List<String> problems = new ArrayList<>();
		try {
			for (int t = 0; t < TABLES.length; t++) {
				files[t] = dir.resolve("t" + t + ".csv");
				out[t] = new BufferedWriter(Files.newBufferedWriter(files[t], StandardCharsets.UTF_8), 1 << 16);
			}
			long[] position = {0};
			pudong.generate(count, resident -> {
				position[0]++;
				Registers.Person p = resident.person();
				Optional<String> problem = ResidentIdNumber.problemWith(p.idNumber());
				int rows = 1 + resident.statuses().size() + resident.services().size() + resident.contracts().size()
						+ resident.bookings().size();
				if (problem.isPresent()) {
					counters[2] += rows;
					if (problems.size() < 20) {
						problems.add("第 " + position[0] + " 条：" + problem.get() + "，该居民的 " + rows + " 条登记记录未载入");
					}
					return;
				}
				try {
					write(out[0], p.idNumber(), p.sex(), p.birthDate(), p.householdLocal(), p.street(), p.recordedOn(), p.source());
					for (Registers.Status s : resident.statuses()) {
						write(out[1], p.idNumber(), s.kind(), s.since(), s.until(), s.source());
					}
					for (Registers.Service s : resident.services()) {
						write(out[2], p.idNumber(), s.kind(), s.servedOn(), s.institution(), s.source());
					}
					for (Registers.Contract c : resident.contracts()) {
						write(out[3], p.idNumber(), c.signedOn(), c.endedOn(), c.institution(), c.source());
					}
					for (Registers.Booking b : resident.bookings()) {
						write(out[4], p.idNumber(), b.bookedOn(), b.partnerIdNumber(), b.partnerLocal(), b.source());
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				counters[0]++;
				counters[1] += rows;
			});
			for (Writer w : out) {
				w.close();
			}
			for (int t = 0; t < TABLES.length; t++) {
				try (Reader in = Files.newBufferedReader(files[t], StandardCharsets.UTF_8)) {
					copy(dataSource, "COPY " + TABLES[t] + " FROM STDIN (FORMAT csv)", in);
				}
			}
			return new Report(counters[0], counters[1], counters[2], List.copyOf(problems));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			for (int t = 0; t < TABLES.length; t++) {
				try {
					if (out[t] != null) {
						out[t].close();
					}
					if (files[t] != null) {
						Files.deleteIfExists(files[t]);
					}
				}
				catch (IOException ignored) {
					// a spool file left in the temp folder is harmless
				}
			}
			try {
				Files.deleteIfExists(dir);
			}
			catch (IOException ignored) {
				// as above
			}
		}
	}

	private static void write(Writer w, Object... values) throws IOException {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				w.write(',');
			}
			if (values[i] != null) {
				w.write(values[i].toString());
			}
		}
		w.write('\n');
	}

	private static void copy(DataSource dataSource, String sql, Reader in) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
			copy.copyIn(sql, in);
		}
		catch (SQLException e) {
			throw new IllegalStateException("COPY failed: " + e.getMessage(), e);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	static Map<String, Object> summary(Report report) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("residents", report.residents());
		m.put("rows", report.rows());
		m.put("skipped", report.skipped());
		m.put("problems", report.problems());
		return m;
	}
}
