package org.tongban.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.identity.SignedInUser;
import org.tongban.notification.Inbox;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;
import org.tongban.shared.Sm3;

/**
 * 办不成事 tickets: filed by a signed-in person as themselves or anonymously with a contact, owned by the item's
 * responsible division (or the 审批服务中心 when no item is named), contacted within 1 working day and answered
 * within {@code tongban.feedback.ticket-reply-working-days} (default 5). Every step is recorded and audited in its
 * transaction. Who may act is checked by the caller ({@link TicketDuty}).
 */
@Service
public class Tickets {

	public static final int CONTACT_WORKING_DAYS = 1;
	public static final int TEXT_LIMIT = 1000;
	public static final int PLACE_LIMIT = 200;
	public static final int CONTACT_LIMIT = 100;
	/** Who owns a ticket that names no item. */
	public static final String APPROVAL_CENTRE = "APPROVAL_CENTRE";
	/** Where a person may say it failed; anything else may be typed. */
	public static final List<String> PLACES = List.of("网上办事大厅", "窗口", "电话咨询", "智能问答", "自助终端", "其他");

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|12345|\\d{8}");
	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
	private static final SecureRandom RANDOM = new SecureRandom();

	/** A ticket just filed, with the follow-up token an anonymous reporter needs (null for a signed-in one). */
	public record Filed(Ticket ticket, String token) {
	}

	private final JdbcClient jdbc;
	private final Inbox inbox;
	private final Deadlines deadlines;
	private final AuditTrail audit;
	private final Catalogue catalogue;
	private final RateLimits rateLimits;
	private final Complaints complaints;
	private final Clock clock;
	private final int replyDays;

	Tickets(JdbcClient jdbc, Inbox inbox, Deadlines deadlines, AuditTrail audit, Catalogue catalogue,
			RateLimits rateLimits, Complaints complaints, Clock clock, @Value("${tongban.feedback.ticket-reply-working-days:5}") int replyDays) {
		this.jdbc = jdbc;
		this.inbox = inbox;
		this.deadlines = deadlines;
		this.audit = audit;
		this.catalogue = catalogue;
		this.rateLimits = rateLimits;
		this.complaints = complaints;
		this.clock = clock;
		this.replyDays = replyDays;
	}

	public int replyDays() {
		return replyDays;
	}

	/**
	 * Files a ticket for {@code me} (null: anonymous, then a contact is required). {@code client} is the caller's
	 * address, counted against {@code tongban.rate-limits.feedback-tickets.*} (default 10 an hour) before anything.
	 */
	@Transactional
	public Filed file(SignedInUser me, TicketRequest request, String client) {
		// read per filing, so that a changed setting applies at once (the bucket's key names capacity and period)
		rateLimits.check(rateLimits.limit("feedback-tickets", 10, Duration.ofHours(1)), client);
		List<FieldMessage> errors = new ArrayList<>();
		String text = trimmed(request.text());
		String place = trimmed(request.where());
		String contact = trimmed(request.contact());
		String itemCode = trimmed(request.itemCode());
		if (text == null) {
			errors.add(new FieldMessage("text", "请填写您想办而没有办成的事。"));
		}
		else if (text.length() > TEXT_LIMIT) {
			errors.add(new FieldMessage("text", "情况说明不能超过 " + TEXT_LIMIT + " 字（现有 " + text.length() + " 字）。"));
		}
		if (place != null && place.length() > PLACE_LIMIT) {
			errors.add(new FieldMessage("where", "“在哪里没办成”不能超过 " + PLACE_LIMIT + " 字。"));
		}
		if (contact == null && me == null) {
			errors.add(new FieldMessage("contact", "未登录反映时请留下手机号码或电子邮箱，以便我们联系您、告知办理结果。"));
		}
		else if (contact != null && (contact.length() > CONTACT_LIMIT
				|| !(PHONE.matcher(contact.replace(" ", "")).matches() || EMAIL.matcher(contact).matches()))) {
			errors.add(new FieldMessage("contact", "请填写正确的手机号码、固定电话或电子邮箱。"));
		}
		Guide item = null;
		if (itemCode != null) {
			item = itemCode.length() > 60 ? null : catalogue.published(itemCode).orElse(null);
			if (item == null) {
				errors.add(new FieldMessage("itemCode", "未找到编码为“" + abbreviate(itemCode) + "”的在办事项，请核对或留空。"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		String unit = item != null && item.division() != null ? item.division() : APPROVAL_CENTRE;
		UUID id = UUID.randomUUID();
		String token = me == null ? newToken() : null;
		LocalDate contactDue = deadlines.in(CONTACT_WORKING_DAYS);
		LocalDate replyDue = deadlines.in(replyDays);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO feedback_ticket (id, reporter, token_hash, contact, text, place, item_code, item_name, unit,
				    status, filed_at, filed_on, contact_due, reply_due)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""")
			.params(id, me == null ? null : me.username(), token == null ? null : Sm3.hex(token), contact, text, place,
					item == null ? null : item.code(), item == null ? null : item.name(), unit, Timestamp.from(now),
					deadlines.today(), contactDue, replyDue)
			.update();
		String actor = actor(me);
		step(id, "file", actor, place == null ? null : "在“" + place + "”没办成");
		// grouped with similar complaints in this transaction: the ticket and its place in a cluster commit together
		complaints.receive(new Complaint(Complaint.Kind.TICKET, id, text, item == null ? null : item.code(), unit, now));
		inbox.notifyUnit(unit, "办不成事", "新的办不成事反映" + (item == null ? "" : "：" + item.name()),
				"有人反映办不成事。请于 " + contactDue + " 前联系反映人，" + replyDue + " 前答复办理结果。",
				"/feedback/tickets/" + id, "ticket-open-" + id);
		audit.recordAs(actor, "feedback.ticket.file", "ticket", id, null,
				Map.of("unit", unit, "item", item == null ? "" : item.code()));
		return new Filed(get(id), token);
	}

	/** Whether {@code token} is the follow-up token of the ticket (compared in constant time). */
	public boolean tokenMatches(UUID id, String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return false;
		}
		String stored = jdbc.sql("SELECT token_hash FROM feedback_ticket WHERE id = ?").param(id).query(String.class)
			.optional().orElse(null);
		return stored != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
				Sm3.hex(token).getBytes(StandardCharsets.US_ASCII));
	}

	/** 联系: the unit has reached the reporter. */
	@Transactional
	public Ticket contact(UUID id, String actor, String note) {
		Ticket t = require(get(id), "contact");
		jdbc.sql("UPDATE feedback_ticket SET status = 'CONTACTED', contacted_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id).update();
		return recorded(t, "contact", actor, required(note, "请填写联系反映人的情况。"));
	}

	/** 答复: how the matter was settled. */
	@Transactional
	public Ticket reply(UUID id, String actor, String note) {
		Ticket t = require(get(id), "reply");
		String text = required(note, "请填写答复反映人的内容。");
		jdbc.sql("UPDATE feedback_ticket SET status = 'REPLIED', replied_at = ?, reply = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), text, id).update();
		return recorded(t, "reply", actor, text);
	}

	/** 办结: the unit closes an answered ticket. */
	@Transactional
	public Ticket close(UUID id, String actor, String note) {
		Ticket t = require(get(id), "close");
		jdbc.sql("UPDATE feedback_ticket SET status = 'CLOSED', closed_at = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), id).update();
		return recorded(t, "close", actor, optional(note));
	}

	/** The reporter is not satisfied with the answer: the unit works on it again, with a new reply date. */
	@Transactional
	public Ticket reopen(UUID id, String actor, String note) {
		Ticket t = require(get(id), "reopen");
		jdbc.sql("UPDATE feedback_ticket SET status = 'REOPENED', reply_due = ? WHERE id = ?")
			.params(deadlines.in(replyDays), id).update();
		return recorded(t, "reopen", actor, required(note, "请说明对答复不满意的原因。"));
	}

	/** 转 12345: the ticket leaves the unit's dates; {@link HotlineDispatches} sends it after commit. */
	@Transactional
	Ticket handedOver(UUID id, String actor, String note) {
		Ticket t = require(get(id), "handover");
		jdbc.sql("UPDATE feedback_ticket SET status = 'HANDED_OVER' WHERE id = ?").param(id).update();
		return recorded(t, "handover", actor, optional(note));
	}

	/** The hotline's answer: recorded as the ticket's reply, which the reporter may accept or reopen. */
	@Transactional
	void hotlineAnswered(UUID id, String result) {
		Ticket t = get(id);
		if (t.status() != Ticket.Status.HANDED_OVER) {
			step(id, "hotline-reply", "12345", result);
			return;
		}
		jdbc.sql("UPDATE feedback_ticket SET status = 'REPLIED', replied_at = ?, reply = ? WHERE id = ?")
			.params(Timestamp.from(clock.instant()), "12345 热线答复：" + result, id).update();
		step(id, "hotline-reply", "12345", result);
		Ticket after = get(id);
		audit.recordAs("12345", "feedback.ticket.hotline-reply", "ticket", id, Map.of("status", t.status().name()),
				Map.of("status", after.status().name()));
		inbox.notifyUnit(t.unit(), "办不成事", "12345 热线已答复一件办不成事", result, "/feedback/tickets/" + id,
				"ticket-hotline-reply-" + id);
		if (t.reporter() != null) {
			inbox.notifyUser(t.reporter(), "办不成事", "您反映的办不成事已有答复", "请查看答复；如不满意，可以重新提出。",
					"/feedback/tickets/" + id, "ticket-hotline-reply-reporter-" + id);
		}
	}

	private Ticket recorded(Ticket before, String action, String actor, String note) {
		step(before.id(), action, actor, note);
		Ticket after = get(before.id());
		audit.recordAs(actor, "feedback.ticket." + action, "ticket", before.id(), Map.of("status", before.status().name()),
				Map.of("status", after.status().name()));
		if (after.reporter() != null && (action.equals("reply") || action.equals("contact"))) {
			inbox.notifyUser(after.reporter(), "办不成事", action.equals("reply") ? "您反映的办不成事已有答复"
					: "您反映的办不成事已有工作人员联系", action.equals("reply") ? "请查看答复；如不满意，可以重新提出。" : note,
					"/feedback/tickets/" + after.id(), "ticket-" + action + "-" + after.id() + "-" + after.steps().size());
		}
		return after;
	}

	/** The ticket if its status offers {@code action}; 409 naming the actions it does offer otherwise. */
	static Ticket require(Ticket t, String action) {
		if (!t.status().actions().contains(action)) {
			throw Problem.conflict("该办不成事当前为“" + t.status().label() + "”，不能" + ACTION_LABELS.getOrDefault(action, action)
					+ "。" + (t.status().actions().isEmpty() ? "" : "当前可以：" + String.join("、",
							t.status().actions().stream().map(ACTION_LABELS::get).toList()) + "。"))
				.with("status", t.status().name()).with("allowedActions", t.status().actions());
		}
		return t;
	}

	static final Map<String, String> ACTION_LABELS = Map.of("contact", "记录联系", "reply", "答复", "handover",
			"转 12345 热线", "close", "办结", "reopen", "重新提出");

	private static String required(String note, String message) {
		String n = trimmed(note);
		if (n == null) {
			throw Problem.invalid("note", message);
		}
		if (n.length() > TEXT_LIMIT) {
			throw Problem.invalid("note", "说明不能超过 " + TEXT_LIMIT + " 字。");
		}
		return n;
	}

	private static String optional(String note) {
		String n = trimmed(note);
		if (n != null && n.length() > TEXT_LIMIT) {
			throw Problem.invalid("note", "说明不能超过 " + TEXT_LIMIT + " 字。");
		}
		return n;
	}

	private static String trimmed(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static String abbreviate(String s) {
		return s.length() > 30 ? s.substring(0, 30) + "…" : s;
	}

	private static String newToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String actor(SignedInUser me) {
		return me == null ? "匿名反映人" : me.username();
	}

	void step(UUID id, String action, String actor, String note) {
		jdbc.sql("INSERT INTO feedback_ticket_step (ticket_id, action, actor, note, at) VALUES (?, ?, ?, ?, ?)")
			.params(id, action, actor, note, Timestamp.from(clock.instant())).update();
	}

	public Ticket get(UUID id) {
		return find(id).orElseThrow(() -> Problem.notFound("未找到该办不成事反映。"));
	}

	public Optional<Ticket> find(UUID id) {
		return jdbc.sql("SELECT * FROM feedback_ticket WHERE id = ?").param(id).query(this::row).optional();
	}

	/** Tickets of a unit, or of all units when {@code unit} is null; open ones first, by their next date. */
	public List<Ticket> list(String unit) {
		return jdbc.sql("""
				SELECT * FROM feedback_ticket WHERE (CAST(:unit AS text) IS NULL OR unit = :unit)
				ORDER BY status IN ('CLOSED', 'REPLIED', 'HANDED_OVER'),
				         CASE status WHEN 'OPEN' THEN contact_due ELSE reply_due END, filed_at, id LIMIT 500""")
			.param("unit", unit).query(this::row).list();
	}

	/** Every ticket bound to a date of its unit (to contact or to answer), for the warnings: no page limit. */
	List<Ticket> awaitingUnit() {
		return jdbc.sql("SELECT * FROM feedback_ticket WHERE status IN ('OPEN', 'CONTACTED', 'REOPENED') ORDER BY id")
			.query(this::row).list();
	}

	/** The tickets a signed-in person filed, newest first. */
	public List<Ticket> filedBy(String username) {
		return jdbc.sql("SELECT * FROM feedback_ticket WHERE reporter = ? ORDER BY filed_at DESC, id LIMIT 100")
			.param(username).query(this::row).list();
	}

	private Ticket row(ResultSet rs, int i) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		Ticket.Status status = Ticket.Status.valueOf(rs.getString("status"));
		LocalDate contactDue = rs.getObject("contact_due", LocalDate.class);
		LocalDate replyDue = rs.getObject("reply_due", LocalDate.class);
		return new Ticket(id, rs.getString("reporter"), rs.getString("contact"), rs.getString("text"),
				rs.getString("place"), rs.getString("item_code"), rs.getString("item_name"), rs.getString("unit"), status,
				instant(rs, "filed_at"), contactDue, replyDue, instant(rs, "contacted_at"), instant(rs, "replied_at"),
				rs.getString("reply"), instant(rs, "closed_at"), deadlines.warning(status.due(contactDue, replyDue)),
				hotline(id), status.actions(), steps(id));
	}

	private Ticket.HotlineState hotline(UUID ticket) {
		return jdbc.sql("SELECT * FROM feedback_hotline_dispatch WHERE ticket_id = ? ORDER BY created_at DESC LIMIT 1")
			.param(ticket)
			.query((rs, i) -> {
				String status = rs.getString("status");
				int attempts = rs.getInt("attempts");
				String label = switch (status) {
					case "PENDING" -> attempts == 0 ? "转办中" : "转办待重试";
					case "SENT" -> "已转 12345 热线，等待答复";
					default -> "12345 热线已答复";
				};
				return new Ticket.HotlineState(rs.getObject("id", UUID.class), status, label, attempts,
						rs.getString("last_error"), rs.getString("hotline_ref"), rs.getString("result"),
						instant(rs, "result_at"));
			})
			.optional().orElse(null);
	}

	private List<Ticket.Step> steps(UUID id) {
		return jdbc.sql("SELECT action, actor, note, at FROM feedback_ticket_step WHERE ticket_id = ? ORDER BY id")
			.param(id).query((rs, i) -> new Ticket.Step(rs.getString("action"), label(rs.getString("action")),
					rs.getString("actor"), rs.getString("note"), rs.getTimestamp("at").toInstant()))
			.list();
	}

	private static String label(String action) {
		return switch (action) {
			case "file" -> "反映办不成事";
			case "contact" -> "联系反映人";
			case "reply" -> "答复";
			case "handover" -> "转 12345 热线";
			case "hotline-sent" -> "12345 热线已受理";
			case "hotline-reply" -> "12345 热线答复";
			case "close" -> "办结";
			case "reopen" -> "反映人重新提出";
			default -> action;
		};
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
