package org.tongban.supervision.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.supervision.JointInspections;
import org.tongban.supervision.Sector;

/** 联合检查 pages: the planners' list and plan form; a joint inspection with each authority's findings. */
@Controller
class JointInspectionPages {

	private final JointInspections joints;

	JointInspectionPages(JointInspections joints) {
		this.joints = joints;
	}

	@GetMapping("/supervision/joint-inspections")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String list(Model model) {
		return list(model, "", "MEDICAL_BEAUTY", "", List.of(), "", Map.of());
	}

	@PostMapping("/supervision/joint-inspections")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String plan(@RequestParam(required = false) String title, @RequestParam(required = false) String sector,
			@RequestParam(required = false) String visitOn, @RequestParam(required = false) List<String> authorities,
			@RequestParam(required = false) String usccs, @AuthenticationPrincipal SignedInUser me, Model model) {
		List<String> chosen = authorities == null ? List.of() : authorities;
		List<String> codes = usccs == null ? List.of()
				: Arrays.stream(usccs.split("[\\s,，、]+")).filter(s -> !s.isBlank()).toList();
		LocalDate day;
		try {
			day = visitOn == null || visitOn.isBlank() ? null : LocalDate.parse(visitOn.strip());
		}
		catch (DateTimeParseException e) {
			return list(model, title, sector, visitOn, chosen, usccs, Map.of("visitOn", "日期格式应为 年-月-日"));
		}
		try {
			JointInspections.Joint j = joints.plan(new JointInspections.Request(title, sector, codes, chosen, day),
					me.username());
			return "redirect:/supervision/joint-inspections/" + j.id();
		}
		catch (Problem p) {
			if (p.errors().isEmpty()) {
				throw p;
			}
			return list(model, title, sector, visitOn, chosen, usccs, errors(p));
		}
	}

	@GetMapping("/supervision/joint-inspections/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String page(@PathVariable UUID id, Model model) {
		return page(id, model, null, Map.of(), null);
	}

	@PostMapping("/supervision/joint-inspections/{id}/findings")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String finding(@PathVariable UUID id, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) String findings,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		try {
			JointInspections.Recorded r = joints.recordOwn(id, uscc, outcome, findings, me.username());
			return page(id, model, r.recorded() ? "已记录本委对该单位的检查结果。" : "该结果此前已记录。", Map.of(), null);
		}
		catch (Problem p) {
			if (p.errors().isEmpty() && p.status().value() != 409) {
				throw p;
			}
			return page(id, model, null, errors(p), p.errors().isEmpty() ? p.getMessage() : null);
		}
	}

	private String page(UUID id, Model model, String done, Map<String, String> errors, String error) {
		model.addAttribute("j", joints.find(id).orElseThrow(() -> Problem.notFound("未找到该联合检查。")));
		model.addAttribute("done", done);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		return "supervision/joint-inspection";
	}

	private String list(Model model, String title, String sector, String visitOn, List<String> chosen, String usccs,
			Map<String, String> errors) {
		model.addAttribute("joints", joints.recent());
		model.addAttribute("partners", joints.partners());
		model.addAttribute("sectors", Sector.values());
		model.addAttribute("planTitle", title == null ? "" : title);
		model.addAttribute("sector", sector);
		model.addAttribute("visitOn", visitOn == null ? "" : visitOn);
		model.addAttribute("chosen", chosen);
		model.addAttribute("usccs", usccs == null ? "" : usccs);
		model.addAttribute("errors", errors);
		return "supervision/joint-inspections";
	}

	/** Field messages by field; an entry of a list ("usccs[2]") also shows at the list's field. */
	private static Map<String, String> errors(Problem p) {
		return p.errors().stream().collect(Collectors.toMap(f -> f.field().replaceAll("\\[\\d+]$", ""),
				FieldMessage::message, (a, b) -> a + "；" + b));
	}
}
