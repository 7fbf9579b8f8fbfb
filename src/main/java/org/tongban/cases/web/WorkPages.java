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
import org.tongban.identity.SignedInUser;

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

	WorkPages(Worklist worklist, CaseApplications cases, CaseHandling work, Catalogue catalogue, CaseRecords records,
			Corrections corrections) {
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
		model.addAttribute("c", c);
		model.addAttribute("labels", FormLabels.of(catalogue, c.itemCode()));
		model.addAttribute("allowed", work.allowed(me, c).stream().map(a -> a.apiName()).toList());
		model.addAttribute("stepLabel", CaseSteps.stepLabel(c.step()));
		model.addAttribute("materials", cases.materials(c));
		model.addAttribute("notice", records.decisionNotice(c).orElse(null));
		model.addAttribute("correction", corrections.progress(c));
		return "cases/work";
	}

	/**
	 * One form per action; a correction notice names materials of the list ({@code materials}, each with its
	 * {@code note.<material>}) and lists other items one per line.
	 */
	@PostMapping("/work/cases/{id}/actions/{action}")
	String act(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @PathVariable String action,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String items,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String to,
			@RequestParam(required = false) Integer expectedDays,
			@RequestParam org.springframework.util.MultiValueMap<String, String> params) {
		List<String> lines = items == null ? List.of() : Arrays.stream(items.split("\\R")).toList();
		if ("request-correction".equals(action)) {
			List<Corrections.NoticeMaterial> picked = params.getOrDefault("materials", List.of()).stream()
					.map(m -> new Corrections.NoticeMaterial(m, params.getFirst("note." + m))).toList();
			corrections.requestCorrection(me, new CaseId(id),
					new CaseHandling.ActionRequest(reason, lines, null, null, null, picked));
		}
		else {
			work.act(me, new CaseId(id), action, new CaseHandling.ActionRequest(reason, lines, kind, to, expectedDays));
		}
		// an action may take the case out of the user's duty (the window accepts it, the division takes over)
		return cases.readable(me, new CaseId(id)) ? "redirect:/work/cases/" + id + "?done=" + action
				: "redirect:/work?done=" + action;
	}
}
