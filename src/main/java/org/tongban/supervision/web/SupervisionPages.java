package org.tongban.supervision.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
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
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.supervision.Draws;
import org.tongban.supervision.Overrides;
import org.tongban.supervision.Sector;

/** The planners' page (make a plan, draw it) and the public pages of plans and draws. */
@Controller
class SupervisionPages {

	/** Rows of a draw shown on its page; the JSON has them all. */
	static final int SHOWN = 500;

	private static final Map<String, Integer> DEFAULTS = Map.of("A", 5, "B", 10, "C", 30, "D", 100);

	/** One ratio field of the form: its class, what it shows, and its complaint. */
	record RatioField(String grade, Integer value, String error) {
	}

	/** A row of the public draw page: the assignment and its outcome. */
	record ShownPick(PublicDrawsApi.PublicPick pick, String outcome) {
	}

	private final Draws draws;
	private final Overrides overrides;
	private final org.tongban.supervision.Inspections inspections;

	SupervisionPages(Draws draws, Overrides overrides, org.tongban.supervision.Inspections inspections) {
		this.draws = draws;
		this.overrides = overrides;
		this.inspections = inspections;
	}

	@GetMapping("/public/draws")
	String publicList(Model model) {
		model.addAttribute("plans", draws.plans());
		return "supervision/public-draws";
	}

	@GetMapping("/public/draws/{id}")
	String publicDraw(@PathVariable UUID id, Model model) {
		PublicDrawsApi.PublicDraw d = PublicDrawsApi.view(draws, overrides, inspections, id);
		model.addAttribute("d", d);
		int shown = Math.min(SHOWN, d.assignments().size());
		List<ShownPick> rows = new java.util.ArrayList<>();
		for (int n = 0; n < shown; n++) {
			rows.add(new ShownPick(d.assignments().get(n), d.outcomes().get(n).outcomeLabel()));
		}
		model.addAttribute("shown", rows);
		return "supervision/public-draw";
	}

	@GetMapping("/supervision")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String plans(@RequestParam(required = false) String done, Model model) {
		model.addAttribute("done", "plan".equals(done) ? "计划已制定并公开，随机种子已公布。" : null);
		return page(model, null, Map.of(), null);
	}

	@PostMapping("/supervision/plans")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String plan(@RequestParam(required = false) String sector, @RequestParam(required = false) String period,
			@RequestParam(required = false) String ratioA, @RequestParam(required = false) String ratioB,
			@RequestParam(required = false) String ratioC, @RequestParam(required = false) String ratioD,
			@RequestParam(required = false) String publicValue, @AuthenticationPrincipal SignedInUser me, Model model) {
		Map<String, Integer> ratios = new LinkedHashMap<>();
		ratios.put("A", number(ratioA));
		ratios.put("B", number(ratioB));
		ratios.put("C", number(ratioC));
		ratios.put("D", number(ratioD));
		Draws.PlanRequest request = new Draws.PlanRequest(sector, period, ratios, publicValue);
		try {
			draws.plan(request, me.username());
			return "redirect:/supervision?done=plan";
		}
		catch (Problem p) {
			Map<String, String> errors = new HashMap<>();
			for (FieldMessage m : p.errors()) {
				errors.merge(m.field(), m.message(), (a, b) -> a + "；" + b);
			}
			return page(model, request, errors, p.errors().isEmpty() ? p.detail() : null);
		}
	}

	@PostMapping("/supervision/plans/{id}/draw")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String draw(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		try {
			return "redirect:/public/draws/" + draws.draw(id, me.username()).id();
		}
		catch (Problem p) {
			if (p.status().value() == 404) {
				throw p;
			}
			return page(model, null, Map.of(), p.detail());
		}
	}

	private String page(Model model, Draws.PlanRequest typed, Map<String, String> errors, String error) {
		model.addAttribute("plans", draws.plans());
		model.addAttribute("sectors", List.of(Sector.values()));
		model.addAttribute("ratioFields", List.of("A", "B", "C", "D").stream().map(c -> new RatioField(c,
				typed == null ? DEFAULTS.get(c) : typed.ratios().get(c), errors.get("ratios." + c))).toList());
		model.addAttribute("typed", typed);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		return "supervision/plans";
	}

	private static Integer number(String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
