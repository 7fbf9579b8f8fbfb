package org.tongban.notification.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;
import org.tongban.notification.Inbox;
import org.tongban.shared.PageModel;
import org.tongban.shared.Problem;

/** The signed-in person's inbox, as a page and as JSON. */
class InboxController {

	@Controller
	static class Page {

		private final Inbox inbox;

		Page(Inbox inbox) {
			this.inbox = inbox;
		}

		@GetMapping("/inbox")
		String inbox(@AuthenticationPrincipal SignedInUser me, Model model) {
			model.addAttribute("messages", inbox.messagesFor(me.username(), me.orgUnitCode(), 200));
			return "notification/inbox";
		}

		@PostMapping("/inbox/{id}/read")
		String read(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
			inbox.markRead(id, me.username(), me.orgUnitCode());
			return "redirect:/inbox";
		}
	}

	@RestController
	static class Api {

		private final Inbox inbox;

		Api(Inbox inbox) {
			this.inbox = inbox;
		}

		@GetMapping("/api/inbox")
		List<Inbox.Message> messages(@AuthenticationPrincipal SignedInUser me) {
			return inbox.messagesFor(me.username(), me.orgUnitCode(), 200);
		}

		@PostMapping("/api/inbox/{id}/read")
		void read(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
			if (!inbox.markRead(id, me.username(), me.orgUnitCode())) {
				throw Problem.notFound("消息不存在或已读。");
			}
		}
	}

	/** The unread count in the page header. */
	@Component
	static class UnreadCount implements PageModel {

		private final Inbox inbox;

		UnreadCount(Inbox inbox) {
			this.inbox = inbox;
		}

		@Override
		public void addTo(Map<String, Object> model, HttpServletRequest request) {
			SignedInUser.current().ifPresent(me -> model.put("unread", inbox.unreadCount(me.username(), me.orgUnitCode())));
		}
	}
}
