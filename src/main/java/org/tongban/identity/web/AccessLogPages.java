package org.tongban.identity.web;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.AccessLog;

/** The personal-data access log for ADMIN, read-only: no endpoint edits or deletes an entry. */
class AccessLogPages {

	@RestController
	@PreAuthorize("hasRole('ADMIN')")
	static class Api {

		private final AccessLog log;

		Api(AccessLog log) {
			this.log = log;
		}

		@GetMapping("/api/access-log")
		AccessLog.Page entries(@RequestParam(required = false) String username,
				@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
				@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
			return log.search(username, recordType, recordId, from, to, page, size);
		}
	}

	@Controller
	@PreAuthorize("hasRole('ADMIN')")
	static class Page {

		private final AccessLog log;

		Page(AccessLog log) {
			this.log = log;
		}

		@GetMapping("/admin/access-log")
		String entries(@RequestParam(required = false) String username,
				@RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
				@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
				@RequestParam(defaultValue = "0") int page, Model model) {
			model.addAttribute("result", log.search(username, recordType, recordId, from, to, page, 50));
			model.addAttribute("username", username);
			model.addAttribute("recordType", recordType);
			model.addAttribute("recordId", recordId);
			model.addAttribute("from", from);
			model.addAttribute("to", to);
			return "identity/access-log";
		}
	}
}
