package org.tongban.feedback.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.catalogue.Catalogue;
import org.tongban.feedback.HotlineDispatches;
import org.tongban.feedback.Ticket;
import org.tongban.feedback.TicketDuty;
import org.tongban.feedback.TicketRequest;
import org.tongban.feedback.Tickets;
import org.tongban.identity.Organisation;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;

/**
 * The pages of 办不成事: the form anyone files one with (linked from every item page, the assistant's answer and the
 * footer), the ticket's page for its reporter (follow, reopen) and its staff (contact, reply, hand over, close),
 * and the list: the unit's tickets for staff, one's own for a signed-in person.
 */
@Controller
class TicketPages {

	private static final Map<String, String> NOTE_LABELS = Map.of("contact", "联系反映人的情况", "reply", "答复内容",
			"handover", "转 12345 热线的说明（可不填）", "close", "办结说明（可不填）", "reopen", "对答复不满意的原因");
	private static final Map<String, String> BUTTONS = Map.of("contact", "记录联系", "reply", "答复", "handover",
			"转 12345 热线", "close", "办结", "reopen", "重新提出");
	private static final Map<String, String> DONE = Map.of("contact", "已记录联系情况。", "reply", "已答复。", "handover",
			"已转 12345 热线。", "close", "已办结。", "reopen", "已重新提出，责任单位将重新办理并答复。");

	private final Tickets tickets;
	private final TicketDuty duty;
	private final HotlineDispatches hotline;
	private final Catalogue catalogue;
	private final Organisation organisation;

	TicketPages(Tickets tickets, TicketDuty duty, HotlineDispatches hotline, Catalogue catalogue,
			Organisation organisation) {
		this.tickets = tickets;
		this.duty = duty;
		this.hotline = hotline;
		this.catalogue = catalogue;
		this.organisation = organisation;
	}

	@GetMapping("/feedback/tickets/new")
	String form(@RequestParam(required = false) String item, @RequestParam(required = false) String where,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		return form(model, me, new TicketRequest(null, item, null, where), List.of());
	}

	@PostMapping("/feedback/tickets")
	String file(@RequestParam(required = false) String text, @RequestParam(required = false) String itemCode,
			@RequestParam(required = false) String contact, @RequestParam(required = false) String where,
			@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		TicketRequest typed = new TicketRequest(text, itemCode, contact, where);
		try {
			Tickets.Filed filed = tickets.file(me, typed, RateLimits.client(request));
			return "redirect:/feedback/tickets/" + filed.ticket().id() + "?filed"
					+ (filed.token() == null ? "" : "&token=" + URLEncoder.encode(filed.token(), StandardCharsets.UTF_8));
		}
		catch (Problem p) {
			if (p.status() != HttpStatus.BAD_REQUEST) {
				throw p;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, me, typed, p.errors());
		}
	}

	@GetMapping("/feedback/tickets/{id}")
	String ticket(@PathVariable UUID id, @RequestParam(required = false) String token,
			@RequestParam(required = false) String filed, @RequestParam(required = false) String done,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		Ticket t = duty.toRead(me, id, token);
		return page(model, me, t, token, filed != null, done == null ? null : DONE.get(done), null);
	}

	@PostMapping("/feedback/tickets/{id}/{action}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestParam(required = false) String token, @AuthenticationPrincipal SignedInUser me, Model model,
			HttpServletResponse response) {
		String actor = me == null ? "匿名反映人" : me.username();
		Ticket t = switch (action) {
			case "contact", "reply", "close", "handover" -> duty.toHandle(me, id);
			case "reopen" -> duty.toReopen(me, id, token);
			default -> throw Problem.notFound("没有这个操作。");
		};
		try {
			switch (action) {
				case "contact" -> tickets.contact(t.id(), actor, note);
				case "reply" -> tickets.reply(t.id(), actor, note);
				case "close" -> tickets.close(t.id(), actor, note);
				case "handover" -> hotline.handOver(t.id(), actor, note);
				default -> tickets.reopen(t.id(), actor, note);
			}
		}
		catch (Problem p) {
			response.setStatus(p.status().value());
			return page(model, me, tickets.get(id), token, false, null, p.getMessage());
		}
		return "redirect:/feedback/tickets/" + id + "?done=" + action
				+ (token == null ? "" : "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
	}

	@GetMapping("/feedback/tickets")
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		boolean staffList = me.isStaff();
		String scope = staffList ? duty.scope(me) : null;
		Map<String, String> units = organisation.names();
		model.addAttribute("staffList", staffList);
		model.addAttribute("tickets", staffList ? tickets.list(scope) : tickets.filedBy(me.username()));
		model.addAttribute("scopeName", scope == null ? "全部单位" : units.getOrDefault(scope, scope));
		model.addAttribute("units", units);
		model.addAttribute("replyDays", tickets.replyDays());
		return "feedback/tickets";
	}

	private String page(Model model, SignedInUser me, Ticket t, String token, boolean filed, String done, String error) {
		boolean handles = duty.handles(me, t);
		boolean reporter = duty.reporter(me, t, token);
		List<String> actions = new ArrayList<>();
		for (String a : t.allowedActions()) {
			if (a.equals("reopen") ? reporter : handles) {
				actions.add(a);
			}
		}
		model.addAttribute("t", t);
		model.addAttribute("unitName", organisation.names().getOrDefault(t.unit(), t.unit()));
		model.addAttribute("token", reporter && t.reporter() == null ? token : null);
		model.addAttribute("filed", filed);
		model.addAttribute("done", done);
		model.addAttribute("error", error);
		model.addAttribute("staffView", me != null && me.isStaff());
		model.addAttribute("actions", actions);
		model.addAttribute("labels", NOTE_LABELS);
		model.addAttribute("buttons", BUTTONS);
		return "feedback/ticket";
	}

	private String form(Model model, SignedInUser me, TicketRequest typed, List<FieldMessage> errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		errors.forEach(e -> byField.putIfAbsent(e.field(), e.message()));
		var item = typed.itemCode() == null || typed.itemCode().isBlank() || byField.containsKey("itemCode") ? null
				: catalogue.published(typed.itemCode().strip()).orElse(null);
		model.addAttribute("item", item);
		model.addAttribute("typed", typed);
		model.addAttribute("errors", byField);
		model.addAttribute("places", Tickets.PLACES);
		model.addAttribute("textLimit", Tickets.TEXT_LIMIT);
		model.addAttribute("replyDays", tickets.replyDays());
		return "feedback/ticket-new";
	}
}
