package org.tongban.feedback.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.feedback.HotlineDispatches;
import org.tongban.feedback.Ticket;
import org.tongban.feedback.TicketDuty;
import org.tongban.feedback.TicketRequest;
import org.tongban.feedback.Tickets;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;

/**
 * 办不成事 over HTTP: anyone files one (anonymously only with a contact), the reporter follows it (anonymous: with
 * the follow-up token, as {@code X-Ticket-Token} or {@code ?token=}), the owner unit works it, and the 12345 hotline
 * answers hand-overs through a callback authenticated by {@code X-Hotline-Token}.
 */
@RestController
class TicketApi {

	/** What a filing answers: the ticket and, for an anonymous reporter, the token to follow it with. */
	record FiledView(UUID id, String token, Ticket ticket) {
	}

	/** A note on a step. */
	record Note(String note) {
	}

	/** The hotline's result for a hand-over. */
	record HotlineReply(UUID dispatchId, String result, String reference) {
	}

	private final Tickets tickets;
	private final TicketDuty duty;
	private final HotlineDispatches hotline;

	TicketApi(Tickets tickets, TicketDuty duty, HotlineDispatches hotline) {
		this.tickets = tickets;
		this.duty = duty;
		this.hotline = hotline;
	}

	@PostMapping("/api/feedback/tickets")
	ResponseEntity<FiledView> file(@RequestBody(required = false) TicketRequest request,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest http) {
		Tickets.Filed filed = tickets.file(me, request == null ? new TicketRequest(null, null, null, null) : request,
				RateLimits.client(http));
		return ResponseEntity.status(HttpStatus.CREATED)
			.location(java.net.URI.create("/api/feedback/tickets/" + filed.ticket().id()))
			.body(new FiledView(filed.ticket().id(), filed.token(), filed.ticket()));
	}

	@GetMapping("/api/feedback/tickets/{id}")
	Ticket read(@PathVariable UUID id, @RequestHeader(name = "X-Ticket-Token", required = false) String header,
			@RequestParam(required = false) String token, @AuthenticationPrincipal SignedInUser me) {
		return duty.toRead(me, id, header != null ? header : token);
	}

	@GetMapping("/api/feedback/tickets")
	List<Ticket> list(@AuthenticationPrincipal SignedInUser me) {
		return tickets.list(duty.scope(me));
	}

	@PostMapping("/api/feedback/tickets/{id}/actions/{action}")
	Ticket act(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) Note note,
			@RequestHeader(name = "X-Ticket-Token", required = false) String header,
			@RequestParam(required = false) String token, @AuthenticationPrincipal SignedInUser me) {
		String text = note == null ? null : note.note();
		String actor = me == null ? "匿名反映人" : me.username();
		return switch (action) {
			case "contact" -> tickets.contact(duty.toHandle(me, id).id(), actor, text);
			case "reply" -> tickets.reply(duty.toHandle(me, id).id(), actor, text);
			case "close" -> tickets.close(duty.toHandle(me, id).id(), actor, text);
			case "handover" -> hotline.handOver(duty.toHandle(me, id).id(), actor, text);
			case "reopen" -> tickets.reopen(duty.toReopen(me, id, header != null ? header : token).id(), actor, text);
			default -> throw Problem.notFound("没有这个操作：" + action + "（可用：contact、reply、handover、close、reopen）。");
		};
	}

	@PostMapping("/api/feedback/hotline/replies")
	HotlineDispatches.Answered hotlineReply(@RequestHeader(name = "X-Hotline-Token", required = false) String secret,
			@RequestBody(required = false) HotlineReply reply) {
		if (!hotline.callbackAuthentic(secret)) {
			throw Problem.forbidden("12345 热线回调凭据无效。");
		}
		if (reply == null || reply.dispatchId() == null) {
			throw Problem.invalid("dispatchId", "缺少转办编号。");
		}
		return hotline.answer(reply.dispatchId(), reply.result(), reply.reference());
	}
}
