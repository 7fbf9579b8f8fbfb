package org.tongban.benefits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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

/** The resident's page of offers (book, decline, opt out) and the staff dashboard per programme. */
@Controller
class BenefitsPages {

	private final Entitlements entitlements;
	private final Programmes programmes;
	private final Dashboard dashboard;
	private final BenefitsDuty duty;

	BenefitsPages(Entitlements entitlements, Programmes programmes, Dashboard dashboard, BenefitsDuty duty) {
		this.entitlements = entitlements;
		this.programmes = programmes;
		this.dashboard = dashboard;
		this.duty = duty;
	}

	@GetMapping("/benefits/mine")
	@PreAuthorize("hasRole('CITIZEN')")
	String mine(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String done, Model model) {
		return mine(me, model, done, null, Map.of());
	}

	private String mine(SignedInUser me, Model model, String done, UUID failed, Map<String, String> errors) {
		model.addAttribute("offers", entitlements.mine(me.idNumber()));
		model.addAttribute("optOuts", me.idNumber() == null ? List.of() : entitlements.optOuts(me.idNumber()));
		model.addAttribute("programmes", programmes.all());
		model.addAttribute("done", done);
		model.addAttribute("failed", failed);
		model.addAttribute("errors", errors);
		return "benefits/mine";
	}

	@PostMapping("/benefits/mine/{id}/book")
	@PreAuthorize("hasRole('CITIZEN')")
	String book(@PathVariable UUID id, @RequestParam(required = false) String slot,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		try {
			UUID chosen = null;
			if (slot != null && !slot.isBlank()) {
				try {
					chosen = UUID.fromString(slot.trim());
				}
				catch (IllegalArgumentException ex) {
					throw Problem.invalid("slot", "请从列出的机构和时段中选择");
				}
			}
			entitlements.book(id, me.idNumber(), chosen, null, null, null);
			return "redirect:/benefits/mine?done=booked";
		}
		catch (Problem p) {
			return refused(p, me, model, id);
		}
	}

	@PostMapping("/benefits/mine/{id}/cancel")
	@PreAuthorize("hasRole('CITIZEN')")
	String cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		try {
			entitlements.cancel(id, me.idNumber());
			return "redirect:/benefits/mine?done=cancelled";
		}
		catch (Problem p) {
			return refused(p, me, model, id);
		}
	}

	/** A refusal beside the offer's fields (input) or above the offer (state); anything else (404) goes on. */
	private String refused(Problem p, SignedInUser me, Model model, UUID id) {
		if (p.errors().isEmpty() && p.status().value() != 409) {
			throw p;
		}
		Map<String, String> errors = new HashMap<>();
		for (FieldMessage m : p.errors()) {
			// the page offers one choice of institution and time: what is said of either is said beside it
			String field = m.field().equals("institution") || m.field().equals("date") ? "slot" : m.field();
			errors.merge(field, m.message(), (a, b) -> a + "；" + b);
		}
		if (p.errors().isEmpty()) {
			errors.put("offer", p.detail());
		}
		return mine(me, model, null, id, errors);
	}

	@PostMapping("/benefits/mine/{id}/decline")
	@PreAuthorize("hasRole('CITIZEN')")
	String decline(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		entitlements.decline(id, me.idNumber());
		return "redirect:/benefits/mine?done=declined";
	}

	@PostMapping("/benefits/mine/opt-out")
	@PreAuthorize("hasRole('CITIZEN')")
	String optOut(@RequestParam(required = false) String programme, @AuthenticationPrincipal SignedInUser me) {
		if (me.idNumber() == null) {
			throw Problem.conflict("账户没有登记身份证号码，无法设置。");
		}
		entitlements.optOut(me.idNumber(), programme);
		return "redirect:/benefits/mine?done=opted-out";
	}

	@GetMapping("/benefits")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String dashboard(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("figures", figures(me));
		return "benefits/dashboard";
	}

	@GetMapping("/benefits/dashboard.xlsx")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser me) {
		byte[] body = dashboard.xlsx(figures(me));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("免申即享统计.xlsx", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.body(body);
	}

	/** The programmes of the staff member's division; other staff have none to see (403). */
	private List<Dashboard.Figures> figures(SignedInUser me) {
		if (!duty.ownsAny(me)) {
			throw Problem.forbidden("只有负责免申即享项目的处室工作人员可以查看统计。");
		}
		return programmes.all().stream().filter(p -> p.division().equals(me.orgUnitCode())).map(dashboard::of).toList();
	}
}
