package org.tongban.feedback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Outbox;
import org.tongban.shared.Problem;

/**
 * Hand-overs of 办不成事 to the 12345 hotline. The hand-over is recorded with the ticket (a PENDING dispatch row whose
 * id the hotline receives) and sent after commit; a failed or slow send stays PENDING and is tried again by the
 * scheduled job with a growing pause (1, 2, 4 … at most 60 minutes), always under the same dispatch id, so the
 * hotline never opens a second work order. The hotline's answer comes back through {@link #answer}, recorded once.
 */
@Service
public class HotlineDispatches {

	private static final Log log = LogFactory.getLog(HotlineDispatches.class);
	/** How long a claimed send may take before another run may claim it again. */

	/** What the callback recorded: whether this call recorded the answer (false: it was already recorded). */
	public record Answered(UUID dispatchId, UUID ticketId, boolean recorded) {
	}

	private final JdbcClient jdbc;
	private final Tickets tickets;
	private final Hotline12345 hotline;
	private final AuditTrail audit;
	private final Clock clock;
	private final Outbox outbox;
	private final byte[] callbackToken;

	HotlineDispatches(JdbcClient jdbc, Tickets tickets, Hotline12345 hotline, AuditTrail audit, Clock clock,
			@Value("${tongban.feedback.hotline.callback-token:}") String callbackToken) {
		this.jdbc = jdbc;
		this.tickets = tickets;
		this.hotline = hotline;
		this.audit = audit;
		this.clock = clock;
		this.outbox = new Outbox(jdbc, clock, "feedback_hotline_dispatch");
		this.callbackToken = callbackToken.isBlank() ? null : callbackToken.getBytes(StandardCharsets.UTF_8);
	}

	/** 转 12345: recorded now, sent once the transaction commits. Refused while the hotline is not configured. */
	@Transactional
	public Ticket handOver(UUID ticketId, String actor, String note) {
		Tickets.require(tickets.get(ticketId), "handover");
		if (!hotline.configured()) {
			throw Problem.conflict("12345 热线接口尚未配置，暂不能转办。请由本单位直接联系反映人办理，或请系统管理员配置热线接口。")
				.with("allowedActions", java.util.List.of("contact", "reply"));
		}
		Ticket t = tickets.handedOver(ticketId, actor, note);
		UUID dispatch = UUID.randomUUID();
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO feedback_hotline_dispatch (id, ticket_id, status, attempts, next_attempt_at, created_at)
				VALUES (?, ?, 'PENDING', 0, ?, ?)""")
			.params(dispatch, ticketId, Timestamp.from(now), Timestamp.from(now)).update();
		audit.recordAs(actor, "feedback.ticket.hotline-dispatch", "ticket", ticketId, null,
				Map.of("dispatch", dispatch.toString()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				send(dispatch);
			}
		});
		return tickets.get(t.id());
	}

	/** Sends every PENDING hand-over that is due; returns how many the hotline took. */
	public int retryDue() {
		return outbox.sendDue(this::attempt);
	}

	/** Sends one hand-over if it is still PENDING and due; whether the hotline took it. */
	boolean send(UUID dispatch) {
		return outbox.sendNow(dispatch, this::attempt);
	}

	/** One try, outside any transaction: the hotline's answer is not held up by a database lock. */
	private boolean attempt(UUID dispatch) {
		UUID ticketId = jdbc.sql("SELECT ticket_id FROM feedback_hotline_dispatch WHERE id = ?").param(dispatch)
			.query(UUID.class).single();
		Ticket t = tickets.get(ticketId);
		try {
			String reference = hotline.handOver(new Hotline12345.HandOver(dispatch, t.id(), t.text(), t.place(),
					t.itemCode(), t.itemName(), t.contact(), t.unit()));
			jdbc.sql("""
					UPDATE feedback_hotline_dispatch SET status = CASE WHEN status = 'PENDING' THEN 'SENT' ELSE status END,
					    attempts = attempts + 1, hotline_ref = ?, sent_at = ?, last_error = NULL WHERE id = ?""")
				.params(reference, Timestamp.from(clock.instant()), dispatch).update();
			tickets.step(ticketId, "hotline-sent", "12345", "12345 热线受理编号：" + reference);
			audit.recordAs("system", "feedback.ticket.hotline-sent", "ticket", ticketId, null,
					Map.of("dispatch", dispatch.toString(), "reference", reference));
			return true;
		}
		catch (Hotline12345.Unavailable e) {
			Outbox.Failure f = outbox.failed(dispatch, e.getMessage());
			log.warn("12345 hand-over " + dispatch + " failed (attempt " + f.attempts() + "), retried in " + f.pause() + ": "
					+ f.error());
			return false;
		}
	}

	/** Whether {@code token} is the hotline's callback secret (compared in constant time); false while none is set. */
	public boolean callbackAuthentic(String token) {
		return callbackToken != null && token != null
				&& MessageDigest.isEqual(callbackToken, token.getBytes(StandardCharsets.UTF_8));
	}

	/** The hotline's result for a hand-over, recorded once: a second call for the same dispatch changes nothing. */
	@Transactional
	public Answered answer(UUID dispatch, String result, String reference) {
		if (result == null || result.isBlank()) {
			throw Problem.invalid("result", "缺少办理结果。");
		}
		if (result.length() > 2000) {
			throw Problem.invalid("result", "办理结果不能超过 2000 字。");
		}
		Optional<UUID> recorded = jdbc.sql("""
				UPDATE feedback_hotline_dispatch SET status = 'ANSWERED', result = ?, result_at = ?,
				    hotline_ref = COALESCE(hotline_ref, ?)
				WHERE id = ? AND result_at IS NULL RETURNING ticket_id""")
			.params(result.strip(), Timestamp.from(clock.instant()), reference, dispatch).query(UUID.class).optional();
		if (recorded.isPresent()) {
			tickets.hotlineAnswered(recorded.get(), result.strip());
			return new Answered(dispatch, recorded.get(), true);
		}
		UUID ticket = jdbc.sql("SELECT ticket_id FROM feedback_hotline_dispatch WHERE id = ?").param(dispatch)
			.query(UUID.class).optional().orElseThrow(() -> Problem.notFound("没有这个转办编号。"));
		return new Answered(dispatch, ticket, false);
	}

	/** Runs {@link #retryDue} every minute on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final HotlineDispatches dispatches;

		Schedule(HotlineDispatches dispatches) {
			this.dispatches = dispatches;
		}

		@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${tongban.feedback.hotline.retry-every:PT1M}",
				initialDelayString = "PT1M")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "feedback-hotline-dispatch", lockAtMostFor = "PT30M")
		void run() {
			dispatches.retryDue();
		}
	}
}
