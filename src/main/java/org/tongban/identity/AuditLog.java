package org.tongban.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.tongban.shared.StateChanged;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log, written from {@link StateChanged} events in the transaction that made the change:
 * the entry commits with the change or not at all, and costs one INSERT rather than an event publication, a
 * second transaction and its completion.
 */
@Service
public class AuditLog {

	/** One entry as staff read it; states are JSON text. */
	public record Entry(long id, Instant occurredAt, String actor, String action, String subjectType,
			String subjectId, String before, String after) {
	}

	/** A page of entries, newest first. */
	public record Page(List<Entry> entries, long total, int page, int size) {
	}

	private final JdbcClient jdbc;
	private final JsonMapper json;

	AuditLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	void on(StateChanged event) {
		// the event id keeps an entry unique should the same event be published twice
		jdbc.sql("""
				INSERT INTO identity_audit_entry (occurred_at, actor, action, subject_type, subject_id,
				  before_state, after_state, event_id)
				VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (event_id) DO NOTHING
				""")
				.params(Timestamp.from(event.occurredAt()), event.actor(), event.action(), event.subjectType(),
						event.subjectId(), event.before() == null ? null : json.writeValueAsString(event.before()),
						event.after() == null ? null : json.writeValueAsString(event.after()), event.id().toString())
				.update();
	}

	/** Searches the log; every criterion is optional. */
	public Page search(String actor, String action, String subjectType, String subjectId, LocalDate from,
			LocalDate to, int page, int size) {
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (actor != null && !actor.isBlank()) {
			where.append(" AND actor = ?");
			params.add(actor.strip());
		}
		if (action != null && !action.isBlank()) {
			where.append(" AND action = ?");
			params.add(action.strip());
		}
		if (subjectType != null && !subjectType.isBlank()) {
			where.append(" AND subject_type = ?");
			params.add(subjectType.strip());
		}
		if (subjectId != null && !subjectId.isBlank()) {
			where.append(" AND subject_id = ?");
			params.add(subjectId.strip());
		}
		if (from != null) {
			where.append(" AND occurred_at >= ?::date");
			params.add(from.toString());
		}
		if (to != null) {
			where.append(" AND occurred_at < (?::date + 1)");
			params.add(to.toString());
		}
		long total = jdbc.sql("SELECT count(*) FROM identity_audit_entry" + where).params(params)
				.query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(size);
		pageParams.add((long) page * size);
		List<Entry> entries = jdbc.sql("""
				SELECT id, occurred_at, actor, action, subject_type, subject_id, before_state::text AS b, after_state::text AS a
				FROM identity_audit_entry""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT ? OFFSET ?")
				.params(pageParams)
				.query((rs, i) -> new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
						rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
						rs.getString("subject_id"), rs.getString("b"), rs.getString("a")))
				.list();
		return new Page(entries, total, page, size);
	}
}
