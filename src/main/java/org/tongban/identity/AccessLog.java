package org.tongban.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.Problem;

/**
 * Who viewed whose personal data (个人信息保护法, 等保 2.0: 访问审计): every showing of a record's full personal data
 * — a case page, a licence page, an export — is one append-only row: who, when, which record, what was shown.
 * The audit log keeps changes; this keeps reads. The database refuses to update or delete a row (V26).
 */
@Service
public class AccessLog {

	/** One view of personal data. */
	public record Entry(long id, Instant viewedAt, String username, String recordType, String recordId,
			String fields, String purpose) {
	}

	/** A page of entries, newest first. */
	public record Page(List<Entry> entries, long total, int page, int size) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	AccessLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Records that {@code username} was shown the personal data {@code fields} (e.g. "身份证号、联系电话") of one
	 * record, for {@code purpose} (e.g. "办件详情"). In its own transaction, so that a read-only request records
	 * it too, and it stays recorded whatever happens to the request after the data was shown.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void viewed(String username, String recordType, Object recordId, String fields, String purpose) {
		jdbc.sql("""
				INSERT INTO identity_access_log (viewed_at, username, record_type, record_id, fields, purpose)
				VALUES (?, ?, ?, ?, ?, ?)""")
				.params(Timestamp.from(clock.instant()), username, recordType, String.valueOf(recordId), fields, purpose)
				.update();
	}

	/** Searches the log by user, record (type and/or id) and date; every criterion is optional. */
	@Transactional(readOnly = true)
	public Page search(String username, String recordType, String recordId, LocalDate from, LocalDate to, int page,
			int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw Problem.invalid("size", "每页条数须在 1–500 之间，页码不能为负数");
		}
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (username != null && !username.isBlank()) {
			where.append(" AND username = ?");
			params.add(username.strip());
		}
		if (recordType != null && !recordType.isBlank()) {
			where.append(" AND record_type = ?");
			params.add(recordType.strip());
		}
		if (recordId != null && !recordId.isBlank()) {
			where.append(" AND record_id = ?");
			params.add(recordId.strip());
		}
		if (from != null) {
			where.append(" AND viewed_at >= ?::date");
			params.add(from.toString());
		}
		if (to != null) {
			where.append(" AND viewed_at < (?::date + 1)");
			params.add(to.toString());
		}
		long total = jdbc.sql("SELECT count(*) FROM identity_access_log" + where).params(params).query(Long.class)
				.single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<Entry> entries = jdbc.sql("SELECT * FROM identity_access_log" + where
				+ " ORDER BY viewed_at DESC, id DESC LIMIT ? OFFSET ?").params(pageParams)
				.query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("viewed_at").toInstant(),
						rs.getString("username"), rs.getString("record_type"), rs.getString("record_id"),
						rs.getString("fields"), rs.getString("purpose")))
				.list();
		return new Page(entries, total, page, size);
	}
}
