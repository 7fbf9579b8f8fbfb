package org.tongban.reform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.Organisation;
import org.tongban.identity.SignedInUser;
import org.tongban.reform.NewReport;
import org.tongban.reform.ReformAccess;
import org.tongban.reform.ReformCockpit;
import org.tongban.reform.TaskStatus;
import org.tongban.reform.TaskSummary;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** The cockpit's pages: dashboard, task list, task with its history and the report form. */
@Controller
@PreAuthorize(ReformAccess.READ)
class ReformPages {

	/** The report form as typed, to show it again next to its errors. */
	record ReportForm(String text, Integer progress, String status, String reason) {
	}

	private final ReformCockpit cockpit;
	private final Organisation organisation;

	ReformPages(ReformCockpit cockpit, Organisation organisation) {
		this.cockpit = cockpit;
		this.organisation = organisation;
	}

	@GetMapping("/reform")
	String dashboard(Model model) {
		model.addAttribute("dashboard", cockpit.dashboard());
		return "reform/dashboard";
	}

	@GetMapping("/reform/tasks")
	String tasks(@RequestParam(required = false) String division, @RequestParam(required = false) Integer group,
			@RequestParam(required = false) String status, @RequestParam(required = false) Boolean overdue,
			Model model) {
		List<TaskSummary> tasks = cockpit.tasks(Filters.of(cockpit, division, group, status, overdue));
		model.addAttribute("tasks", tasks);
		model.addAttribute("divisions", organisation.divisions());
		model.addAttribute("groups", cockpit.groups());
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("division", division);
		model.addAttribute("group", group);
		model.addAttribute("status", status);
		model.addAttribute("overdue", overdue);
		return "reform/tasks";
	}

	@GetMapping("/reform/tasks/{no}")
	String task(@AuthenticationPrincipal SignedInUser me, @PathVariable int no, Model model) {
		return show(me, no, new ReportForm(null, null, null, null), Map.of(), model);
	}

	@PostMapping("/reform/tasks/{no}/reports")
	@PreAuthorize(ReformAccess.REPORT)
	String report(@AuthenticationPrincipal SignedInUser me, @PathVariable int no, ReportForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			TaskStatus status = form.status() == null || form.status().isBlank() ? null : Filters.status(form.status());
			cockpit.report(me, no, new NewReport(form.text(), form.progress(), status, form.reason()),
					ReformApi.attachments(files));
		}
		catch (Problem problem) {
			if (problem.errors().isEmpty()) {
				throw problem;
			}
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldMessage e : problem.errors()) {
				errors.merge(e.field(), e.message(), (a, b) -> a + "；" + b);
			}
			response.setStatus(problem.status().value());
			return show(me, no, form, errors, model);
		}
		redirect.addFlashAttribute("saved", "已报送。");
		return "redirect:/reform/tasks/" + no;
	}

	@GetMapping("/reform/attachments/{id}")
	ResponseEntity<InputStreamResource> attachment(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		return Downloads.attachment(cockpit.attachment(me, id));
	}

	private String show(SignedInUser me, int no, ReportForm form, Map<String, String> errors, Model model) {
		model.addAttribute("detail", cockpit.task(no));
		model.addAttribute("right", cockpit.rightOf(me, no).name());
		model.addAttribute("mayDownload", cockpit.mayDownload(me, no));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", TaskStatus.values());
		return "reform/task";
	}
}
