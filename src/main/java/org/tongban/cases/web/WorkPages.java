package org.tongban.cases.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.cases.Case;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CaseSteps;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.Corrections;
import org.tongban.cases.Worklist;
import org.tongban.catalogue.Catalogue;
import org.tongban.identity.Organisation;
import org.tongban.identity.SignedInUser;
import org.tongban.identity.StaffDirectory;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** The staff workbench: the work list and one case with the actions its step allows (the window: {@link WindowPages}). */
@Controller
@PreAuthorize("hasAnyRole('CLERK', 'APPROVER', 'INSPECTOR', 'LEADER', 'DIVISION_STAFF')")
class WorkPages {

	private final Worklist worklist;
	private final CaseApplications cases;
	private final CaseHandling work;
	private final Catalogue catalogue;
	private final CaseRecords records;
	private final Corrections corrections;
	private final CaseTimeline timeline;
	private final StaffDirectory staff;
	private final Organisation organisation;

	WorkPages(Worklist worklist, CaseApplications cases, CaseHandling work, Catalogue catalogue, CaseRecords records,
			Corrections corrections, CaseTimeline timeline, StaffDirectory staff, Organisation organisation) {
		this.timeline = timeline;
		this.staff = staff;
		this.organisation = organisation;
		this.corrections = corrections;
		this.worklist = worklist;
		this.cases = cases;
		this.work = work;
		this.catalogue = catalogue;
		this.records = records;
	}

	@GetMapping("/work")
	String worklist(@AuthenticationPrincipal SignedInUser me, Model model) {
		Worklist.Lists lists = worklist.of(me);
		model.addAttribute("lists", lists);
		// cases back at the window after the applicant's correction are marked as such
		model.addAttribute("returned", corrections.returnedFromCorrection(java.util.stream.Stream
				.concat(lists.tasks().stream(), lists.escalations().stream()).map(Worklist.Entry::id).toList()));
		return "cases/worklist";
	}

	@GetMapping("/work/cases/{id}")
	String detail(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, Model model) {
		Case c = cases.get(me, new CaseId(id));
		cases.shown(me, c, "办件详情（工作台）");
		populate(me, c, model);
		return "cases/work";
	}

	private void populate(SignedInUser me, Case c, Model model) {
		model.addAttribute("c", c);
		model.addAttribute("labels", FormLabels.of(catalogue, c.itemCode()));
		model.addAttribute("tables", FormLabels.tables(catalogue, c.itemCode(), c.guideVersion(), c.form()));
		model.addAttribute("allowed", work.allowed(me, c).stream().map(a -> a.apiName()).toList());
		model.addAttribute("stepLabel", CaseSteps.stepLabel(c.step()));
		model.addAttribute("materials", cases.materials(c));
		model.addAttribute("notice", records.decisionNotice(c).orElse(null));
		model.addAttribute("correction", corrections.progress(c));
		model.addAttribute("timeline", timeline.of(c));
		model.addAttribute("assigneeName", c.assignee() == null ? null : staff.nameOf(c.assignee()));
	}

	/**
	 * One form per action; a correction notice names materials of the list ({@code materials}, each with its
	 * {@code note.<material>}) and lists other items one per line. An action that cannot be undone is asked first
	 * on a page of its own ({@link ActionOutcomes#IRREVERSIBLE}); done, the page says what happened and what comes
	 * next; refused, the case page again with the message beside the action's form and what was typed kept.
	 */
	@PostMapping("/work/cases/{id}/actions/{action}")
	String act(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @PathVariable String action,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String items,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer expectedDays,
			@RequestParam org.springframework.util.MultiValueMap<String, String> params, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		List<String> lines = items == null ? List.of()
				: Arrays.stream(items.split("\\R")).filter(l -> !l.isBlank()).toList();
		CaseId caseId = new CaseId(id);
		Case done;
		try {
			if (ActionOutcomes.IRREVERSIBLE.contains(action) && !Confirmation.confirmed(params)) {
				Case c = cases.get(me, caseId);
				if (!work.allowed(me, c).stream().anyMatch(a -> a.apiName().equals(action))) {
					// refused with the same 409 (or 403) as the action itself
					work.act(me, caseId, action, new CaseHandling.ActionRequest(reason, lines, kind, to, expectedDays));
				}
				model.addAttribute("c", c);
				model.addAttribute("confirm", new Confirmation(ActionOutcomes.confirmTitle(action, c),
						details(c, reason, lines, params), ActionOutcomes.consequences(action, c),
						"/work/cases/" + id + "/actions/" + action, Confirmation.repeat(params),
						"确认" + ActionOutcomes.buttonLabel(action, c), "confirm-" + action, "/work/cases/" + id));
				return "cases/confirm";
			}
			if ("request-correction".equals(action)) {
				List<Corrections.NoticeMaterial> picked = params.getOrDefault("materials", List.of()).stream()
						.map(m -> new Corrections.NoticeMaterial(m, params.getFirst("note." + m))).toList();
				done = corrections.requestCorrection(me, caseId,
						new CaseHandling.ActionRequest(reason, lines, null, null, null, picked));
			}
			else {
				done = work.act(me, caseId, action, new CaseHandling.ActionRequest(reason, lines, kind, to, expectedDays));
			}
		}
		catch (org.tongban.shared.Problem p) {
			if (p.status() == org.springframework.http.HttpStatus.NOT_FOUND) {
				throw p;
			}
			populate(me, cases.get(me, caseId), model);
			model.addAttribute("refusal", Refusal.of(action, p));
			model.addAttribute("typed", params.toSingleValueMap());
			model.addAttribute("typedMaterials", params.getOrDefault("materials", List.of()));
			response.setStatus(p.status().value());
			return "cases/work";
		}
		redirect.addFlashAttribute("outcome", ActionOutcomes.outcome(action, done, organisation));
		// an action may take the case out of the user's duty (the window accepts it, the division takes over)
		return cases.readable(me, caseId) ? "redirect:/work/cases/" + id + "?done=" + action
				: "redirect:/work?done=" + action;
	}

	/** What the confirmation page repeats of the action: the reasons and items as typed, the materials named. */
	private List<Confirmation.Detail> details(Case c, String reason, List<String> lines,
			org.springframework.util.MultiValueMap<String, String> params) {
		List<Confirmation.Detail> details = new java.util.ArrayList<>();
		details.add(new Confirmation.Detail("申请人", c.applicant().name()));
		for (String m : params.getOrDefault("materials", List.of())) {
			String note = params.getFirst("note." + m);
			details.add(new Confirmation.Detail("补正材料", m + (note == null || note.isBlank() ? "" : "：" + note)));
		}
		lines.forEach(l -> details.add(new Confirmation.Detail("补正事项", l)));
		if (reason != null && !reason.isBlank()) {
			details.add(new Confirmation.Detail("理由或意见", reason.strip()));
		}
		if (params.getFirst("expectedDays") != null) {
			details.add(new Confirmation.Detail("工作日", params.getFirst("expectedDays")));
		}
		return details;
	}
}
