package org.tongban.feedback.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.feedback.Clusters;
import org.tongban.identity.SignedInUser;
import org.tongban.reform.TaskStatus;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import jakarta.servlet.http.HttpServletResponse;

/** The clusters page for staff: the list, one cluster with its trend table, and the forms to request a revision or report on a reform task. */
@Controller
class ClusterPages {

	private final Clusters clusters;

	ClusterPages(Clusters clusters) {
		this.clusters = clusters;
	}

	@GetMapping("/feedback/clusters")
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("clusters", clusters.list(me));
		return "feedback/clusters";
	}

	@GetMapping("/feedback/clusters/{id}")
	String detail(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		return show(me, id, model, null, null, null);
	}

	@PostMapping("/feedback/clusters/{id}/revision")
	String revision(@PathVariable UUID id, @RequestParam(required = false) String itemCode,
			@RequestParam(required = false) String note, @AuthenticationPrincipal SignedInUser me, Model model,
			HttpServletResponse response) {
		try {
			clusters.requestRevision(me, id, new Clusters.RevisionRequest(itemCode, note));
		}
		catch (Problem p) {
			if (p.status().value() == 404) {
				throw p;
			}
			response.setStatus(p.status().value());
			String message = p.errors().isEmpty() ? p.getMessage() : p.errors().get(0).message();
			return show(me, id, model, message, itemCode, note);
		}
		return "redirect:/feedback/clusters/" + id + "?done=revision";
	}

	@PostMapping("/feedback/clusters/{id}/report")
	String report(@PathVariable UUID id, @RequestParam(required = false) Integer taskNo,
			@RequestParam(required = false) String text, @RequestParam(required = false) Integer progress,
			@RequestParam(required = false) TaskStatus status, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedInUser me, Model model,
			HttpServletResponse response) {
		try {
			clusters.report(me, id, new Clusters.ReportRequest(taskNo, text, progress, status, reason));
		}
		catch (Problem p) {
			if (p.status().value() == 404) {
				throw p;
			}
			response.setStatus(p.status().value());
			model.addAttribute("reportErrors", p.errors().isEmpty() ? List.of(new FieldMessage("text", p.getMessage()))
					: p.errors());
			model.addAttribute("typedReport", new Clusters.ReportRequest(taskNo, text, progress, status, reason));
			return show(me, id, model, null, null, null);
		}
		return "redirect:/feedback/clusters/" + id + "?done=report";
	}

	private String show(SignedInUser me, UUID id, Model model, String error, String itemCode, String note) {
		model.addAttribute("cluster", clusters.detail(me, id));
		model.addAttribute("tasks", clusters.reportableTasks(me));
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("error", error);
		model.addAttribute("typedItem", itemCode);
		model.addAttribute("typedNote", note);
		return "feedback/cluster";
	}
}
