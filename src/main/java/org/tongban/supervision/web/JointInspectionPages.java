package org.tongban.supervision.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.supervision.EnforcementRecords;
import org.tongban.supervision.JointInspections;

/** 联合检查 pages: the list with the plan form (planners), and one joint inspection with every authority's part. */
@Controller
class JointInspectionPages {

	private final JointInspections joint;
	private final EnforcementRecords records;

	JointInspectionPages(JointInspections joint, EnforcementRecords records) {
		this.joint = joint;
		this.records = records;
	}

	@GetMapping("/supervision/joint-inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		return list(me, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/supervision/joint-inspections")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String plan(@RequestParam(required = false) String uscc, @RequestParam(required = false) String plannedOn,
			@RequestParam(required = false) String scope, @RequestParam(name = "partner", required = false) List<String> partners,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		Map<String, String> typed = new HashMap<>();
		typed.put("uscc", uscc);
		typed.put("plannedOn", plannedOn);
		typed.put("scope", scope);
		LocalDate day;
		try {
			day = plannedOn == null || plannedOn.isBlank() ? null : LocalDate.parse(plannedOn.strip());
		}
		catch (DateTimeParseException e) {
			return list(me, model, Map.of("plannedOn", "日期格式为 年-月-日，如 2026-07-01"), typed, "计划有误，请按提示修改。");
		}
		try {
			var j = joint.plan(new JointInspections.NewJointInspection(uscc, day, scope,
					partners == null ? List.of("MARKET", "DRUG") : partners), me.username());
			return "redirect:/supervision/joint-inspections/" + j.id();
		}
		catch (Problem p) {
			if (p.errors().isEmpty()) {
				throw p;
			}
			return list(me, model, errors(p), typed, "计划有误，请按提示修改。");
		}
	}

	@GetMapping("/supervision/joint-inspections/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String show(@PathVariable UUID id, Model model) {
		return show(id, model, Map.of(), "", null);
	}

	@PostMapping("/supervision/joint-inspections/{id}/visit")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String visit(@PathVariable UUID id, @RequestParam(required = false) String findings,
			@AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
		try {
			joint.visit(id, findings, me.username());
			redirect.addFlashAttribute("done", "本所检查结果已登记。");
			return "redirect:/supervision/joint-inspections/" + id;
		}
		catch (Problem p) {
			if (p.status().value() == 404) {
				throw p;
			}
			return show(id, model, errors(p), findings == null ? "" : findings, p.errors().isEmpty() ? p.detail() : "输入有误，请按提示修改。");
		}
	}

	private static Map<String, String> errors(Problem p) {
		Map<String, String> errors = new HashMap<>();
		for (FieldMessage m : p.errors()) {
			errors.merge(m.field(), m.message(), (a, b) -> a + "；" + b);
		}
		return errors;
	}

	private String list(SignedInUser me, Model model, Map<String, String> errors, Map<String, String> typed, String error) {
		model.addAttribute("items", joint.recent(200));
		model.addAttribute("planner", me.has(Role.SUPERVISOR));
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		return "supervision/joint-inspections";
	}

	private String show(UUID id, Model model, Map<String, String> errors, String findings, String error) {
		JointInspections.JointInspection j = joint.find(id).orElseThrow(() -> Problem.notFound("未找到该联合检查。"));
		model.addAttribute("j", j);
		model.addAttribute("record", records.of(EnforcementRecords.Subject.JOINT_INSPECTION, id));
		model.addAttribute("errors", errors);
		model.addAttribute("findings", findings);
		model.addAttribute("error", error);
		return "supervision/joint-inspection";
	}
}
