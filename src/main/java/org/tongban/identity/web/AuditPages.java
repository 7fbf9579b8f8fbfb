package org.tongban.identity.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.AuditLog;
import org.tongban.shared.Problem;

/** The audit log for ADMIN, read-only: there is deliberately no endpoint that edits or deletes an entry. */
class AuditPages {

	static AuditLog.Page search(AuditLog log, String actor, String action, String subjectType, String subjectId,
			LocalDate from, LocalDate to, int page, int size) {
		if (page < 0 || size < 1 || size > 500) {
			throw Problem.invalid("size", "每页条数须在 1–500 之间，页码不能为负数");
		}
		return log.search(actor, action, subjectType, subjectId, from, to, page, size);
	}

	@RestController
	@PreAuthorize("hasRole('ADMIN')")
	static class Api {

		private final AuditLog log;

		Api(AuditLog log) {
			this.log = log;
		}

		@GetMapping("/api/audit")
		AuditLog.Page entries(@RequestParam(required = false) String actor,
				@RequestParam(required = false) String action, @RequestParam(required = false) String subjectType,
				@RequestParam(required = false) String subjectId,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
				@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
			return search(log, actor, action, subjectType, subjectId, from, to, page, size);
		}
	}

	@Controller
	@PreAuthorize("hasRole('ADMIN')")
	static class Page {

		private final AuditLog log;

		Page(AuditLog log) {
			this.log = log;
		}

		@GetMapping("/admin/audit")
		String entries(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
				@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
				@RequestParam(defaultValue = "0") int page, Model model) {
			model.addAttribute("result", search(log, actor, action, subjectType, subjectId, from, to, page, 50));
			model.addAttribute("actor", actor);
			model.addAttribute("action", action);
			model.addAttribute("subjectType", subjectType);
			model.addAttribute("subjectId", subjectId);
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			return "identity/audit";
		}
	}
}
