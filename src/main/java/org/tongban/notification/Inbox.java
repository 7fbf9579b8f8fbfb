package org.tongban.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The in-app inbox. Senders give a dedup key when the same warning may be raised again (a daily job),
 * so that a recipient is told once.
 */
@Service
public class Inbox {

	/** A message as its reader sees it. */
	public record Message(UUID id, String category, String title, String body, String link, Instant createdAt,
			boolean read) {
	}

	private final JdbcClient jdbc;

	Inbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Sends to every member of an org unit; returns false when the dedup key was already used. */
	@Transactional
	public boolean notifyUnit(String unitCode, String category, String title, String body, String link,
			String dedupKey) {
		return insert(null, unitCode, category, title, body, link, dedupKey);
	}

	/** Sends to one account; returns false when the dedup key was already used. */
	@Transactional
	public boolean notifyUser(String username, String category, String title, String body, String link,
			String dedupKey) {
		return insert(username, null, category, title, body, link, dedupKey);
	}

	public List<Message> messagesFor(String username, String unitCode, int limit) {
		return jdbc.sql("""
				SELECT m.id, m.category, m.title, m.body, m.link, m.created_at, r.read_at IS NOT NULL AS is_read
				FROM notification_message m
				LEFT JOIN notification_read r ON r.message_id = m.id AND r.username = :user
				WHERE m.recipient_username = :user OR (m.recipient_unit IS NOT NULL AND m.recipient_unit = :unit)
				ORDER BY m.created_at DESC LIMIT :limit
				""")
				.param("user", username).param("unit", unitCode).param("limit", limit)
				.query((rs, i) -> new Message(rs.getObject("id", UUID.class), rs.getString("category"),
						rs.getString("title"), rs.getString("body"), rs.getString("link"),
						rs.getTimestamp("created_at").toInstant(), rs.getBoolean("is_read")))
				.list();
	}

	public long unreadCount(String username, String unitCode) {
		return jdbc.sql("""
				SELECT count(*) FROM notification_message m
				WHERE (m.recipient_username = :user OR (m.recipient_unit IS NOT NULL AND m.recipient_unit = :unit))
				  AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.message_id = m.id AND r.username = :user)
				""")
				.param("user", username).param("unit", unitCode).query(Long.class).single();
	}

	/** Marks a message read for this reader; a message addressed to someone else is not theirs to mark. */
	@Transactional
	public boolean markRead(UUID messageId, String username, String unitCode) {
		return jdbc.sql("""
				INSERT INTO notification_read (message_id, username)
				SELECT m.id, :user FROM notification_message m
				WHERE m.id = :id AND (m.recipient_username = :user OR (m.recipient_unit IS NOT NULL AND m.recipient_unit = :unit))
				ON CONFLICT DO NOTHING
				""")
				.param("id", messageId).param("user", username).param("unit", unitCode).update() > 0;
	}

	private boolean insert(String username, String unit, String category, String title, String body, String link,
			String dedupKey) {
		return jdbc.sql("""
				INSERT INTO notification_message (id, recipient_username, recipient_unit, category, title, body, link, dedup_key)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dedup_key) DO NOTHING
				""")
				.params(UUID.randomUUID(), username, unit, category, title, body, link, dedupKey).update() > 0;
	}
}
