package org.tongban.supervision.web;

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
import org.tongban.supervision.DiscretionBaseline;
import org.tongban.supervision.Penalties;
import org.tongban.supervision.PenaltyCase;
import org.tongban.supervision.PenaltyPublication;
import org.tongban.supervision.SimilarCases;

/**
 * 行政处罚 pages: the discretion baseline, the case list with decisions to publish and outliers, a case with the form
 * of its next step, and the public list of published decisions. Refused input comes back with field messages.
 */
@Controller
class PenaltyPages {

	private final Penalties penalties;
	private final PenaltiesApi api;
	private final DiscretionBaseline baseline;
	private final PenaltyPublication publication;
	private final SimilarCases similar;

	PenaltyPages(Penalties penalties, PenaltiesApi api, DiscretionBaseline baseline, PenaltyPublication publication,
			SimilarCases similar) {
		this.penalties = penalties;
		this.api = api;
		this.baseline = baseline;
		this.publication = publication;
		this.similar = similar;
	}

	@GetMapping("/supervision/discretion-baseline")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String baseline(Model model) {
		model.addAttribute("baseline", baseline.current());
		model.addAttribute("circumstances", DiscretionBaseline.Circumstance.values());
		return "supervision/discretion-baseline";
	}

	@GetMapping("/supervision/penalties")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		return list(me, model, Map.of(), "", "", null);
	}

	@PostMapping("/supervision/penalties")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String open(@RequestParam(required = false) String uscc, @RequestParam(required = false) String summary,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		try {
			PenaltyCase c = penalties.open(new Penalties.Opening(uscc, null, summary), me.username());
			return "redirect:/supervision/penalties/" + c.id();
		}
		catch (Problem p) {
			if (p.errors().isEmpty()) {
				throw p;
			}
			return list(me, model, errors(p), uscc, summary, "立案信息有误，请按提示修改。");
		}
	}

	@GetMapping("/supervision/penalties/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String show(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		return show(id, me, model, Map.of(), Map.of(), null);
	}

	@PostMapping("/supervision/penalties/{id}/proposal")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String propose(@PathVariable UUID id, @RequestParam(required = false) String violation,
			@RequestParam(required = false) String circumstance,
			@RequestParam(name = "measure", required = false) List<String> measures,
			@RequestParam(required = false) String fine, @RequestParam(required = false) String facts,
			@RequestParam(required = false) String departureReason, @AuthenticationPrincipal SignedInUser me,
			Model model, RedirectAttributes redirect) {
		api.readable(id, me);
		Map<String, Object> typed = new HashMap<>();
		typed.put("violation", violation);
		typed.put("circumstance", circumstance);
		typed.put("measures", measures == null ? List.of() : measures);
		typed.put("fine", fine);
		typed.put("facts", facts);
		typed.put("departureReason", departureReason);
		Long amount;
		try {
			amount = fine == null || fine.isBlank() ? null : Long.valueOf(fine.strip());
		}
		catch (NumberFormatException e) {
			return show(id, me, model, Map.of("fine", "罚款金额须为整数（元）"), typed, "拟处罚意见有误，请按提示修改。");
		}
		return act(id, me, model, redirect, typed, "处罚意见已提交。", () -> penalties.propose(id,
				new Penalties.Proposal(violation, circumstance, measures, amount, facts, departureReason), me.username()));
	}

	@PostMapping("/supervision/penalties/{id}/review")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String review(@PathVariable UUID id, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String opinion, @AuthenticationPrincipal SignedInUser me, Model model,
			RedirectAttributes redirect) {
		return act(id, me, model, redirect, Map.of("opinion", opinion == null ? "" : opinion), "法制审核意见已提交。",
				() -> penalties.review(id, new Penalties.Review(outcome, opinion), me.username()));
	}

	@PostMapping("/supervision/penalties/{id}/decision")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String decide(@PathVariable UUID id, @RequestParam(required = false) String documentNumber,
			@AuthenticationPrincipal SignedInUser me, Model model, RedirectAttributes redirect) {
		return act(id, me, model, redirect, Map.of("documentNumber", documentNumber == null ? "" : documentNumber),
				"已作出处罚决定，请在公示期限内公示。",
				() -> penalties.decide(id, new Penalties.Decision(documentNumber), me.username()));
	}

	@PostMapping("/supervision/penalties/{id}/publication")
	@PreAuthorize("hasRole('SUPERVISOR')")
	String publish(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model,
			RedirectAttributes redirect) {
		return act(id, me, model, redirect, Map.of(), "处罚决定已公示。", () -> penalties.publish(id, me.username()));
	}

	@GetMapping("/public/penalties")
	String published(Model model) {
		model.addAttribute("items", publication.published(500));
		return "supervision/public-penalties";
	}

	private String act(UUID id, SignedInUser me, Model model, RedirectAttributes redirect, Map<String, Object> typed,
			String done, Runnable step) {
		try {
			step.run();
			redirect.addFlashAttribute("done", done);
			return "redirect:/supervision/penalties/" + id;
		}
		catch (Problem p) {
			if (p.status().value() == 404) {
				throw p;
			}
			return show(id, me, model, errors(p), typed, p.errors().isEmpty() ? p.detail() : "输入有误，请按提示修改。");
		}
	}

	private static Map<String, String> errors(Problem p) {
		Map<String, String> errors = new HashMap<>();
		for (FieldMessage m : p.errors()) {
			errors.merge(m.field(), m.message(), (a, b) -> a + "；" + b);
		}
		return errors;
	}

	private String list(SignedInUser me, Model model, Map<String, String> errors, String uscc, String summary,
			String error) {
		boolean planner = me.has(Role.SUPERVISOR);
		model.addAttribute("cases", penalties.list(planner ? null : me.username(), 200));
		model.addAttribute("planner", planner);
		model.addAttribute("unpublished", planner ? publication.unpublished() : List.of());
		model.addAttribute("outliers", planner ? similar.outliers() : List.of());
		model.addAttribute("errors", errors);
		model.addAttribute("uscc", uscc);
		model.addAttribute("summary", summary);
		model.addAttribute("error", error);
		return "supervision/penalties";
	}

	private String show(UUID id, SignedInUser me, Model model, Map<String, String> errors, Map<String, Object> typed,
			String error) {
		PenaltyCase c = api.readable(id, me);
		{
			// the form starts from the current proposal, if any, with what was just typed over it
			Map<String, Object> current = new HashMap<>();
			current.put("violation", c.violation());
			current.put("circumstance", c.circumstance() == null ? null : c.circumstance().name());
			current.put("measures", c.measures().stream().map(Enum::name).toList());
			current.put("fine", c.fine() == null ? null : String.valueOf(c.fine()));
			current.put("facts", c.facts());
			current.put("departureReason", c.departureReason());
			current.putAll(typed);
			typed = current;
		}
		model.addAttribute("c", api.view(c, me));
		model.addAttribute("circumstanceLabel", c.circumstance() == null ? null : c.circumstance().label());
		model.addAttribute("violations", baseline.current().violations().values());
		model.addAttribute("chosen", c.violation() == null ? null : baseline.violation(c.violation()).orElse(null));
		model.addAttribute("circumstances", DiscretionBaseline.Circumstance.values());
		model.addAttribute("measures", DiscretionBaseline.Measure.values());
		model.addAttribute("errors", errors);
		model.addAttribute("typed", typed);
		model.addAttribute("error", error);
		return "supervision/penalty";
	}
}
