package org.tongban.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.cases.Applicant;
import org.tongban.cases.ApplicantKinds;
import org.tongban.cases.Case;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.HeldLicences;
import org.tongban.cases.NewCase;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.ServiceItemSummary;
import org.tongban.identity.AccessLog;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.IdDocumentType;
import org.tongban.shared.Problem;

/**
 * The window (窗口收件): the clerk finds the item by code or name, and types in the applicant the item serves, with
 * the identity document shown. Bad input comes back on the same page, beside its field, with everything typed kept.
 */
@Controller
@PreAuthorize("hasRole('CLERK')")
class WindowPages {

	private final CaseApplications cases;
	private final Catalogue catalogue;
	private final ObjectProvider<HeldLicences> heldLicences;
	private final AccessLog accessLog;

	/** Where each field's message points to, for the summary's links. */
	private static final Map<String, String> FIELD_IDS = Map.ofEntries(Map.entry("situation", "window-situation"),
			Map.entry("applicant.kind", "window-kind"), Map.entry("applicant.name", "window-name"),
			Map.entry("applicant.idType", "window-idType"), Map.entry("applicant.idNumber", "window-idNumber"),
			Map.entry("applicant.uscc", "window-uscc"), Map.entry("applicant.agentName", "window-agentName"),
			Map.entry("form.licenceNumber", "window-licenceNumber"), Map.entry("form.phone", "window-phone"),
			Map.entry("identityChecked", "window-checked"));

	WindowPages(CaseApplications cases, Catalogue catalogue, ObjectProvider<HeldLicences> heldLicences,
			AccessLog accessLog) {
		this.accessLog = accessLog;
		this.cases = cases;
		this.catalogue = catalogue;
		this.heldLicences = heldLicences;
	}

	/** What the clerk typed, echoed back when the page is shown again. */
	record WindowForm(String item, String situation, String kind, String idType, String idNumber, String uscc,
			String name, String agentName, String phone, String licenceNumber, String licenceChoice,
			Boolean identityChecked) {

		static WindowForm empty(String item) {
			return new WindowForm(item, null, null, null, null, null, null, null, null, null, null, null);
		}

		/** The licence chosen from the applicant's list, else the number typed (a paper certificate's). */
		String licence() {
			return notBlank(licenceChoice) ? licenceChoice.strip() : notBlank(licenceNumber) ? licenceNumber.strip() : null;
		}
	}

	@GetMapping("/work/window")
	String window(@RequestParam(required = false) String item, Model model) {
		model.addAttribute("query", item == null ? "" : item.strip());
		Optional<Guide> guide = find(item, model);
		guide.ifPresent(g -> show(g, WindowForm.empty(g.code()), Map.of(), List.of(), model));
		return "cases/window";
	}

	/**
	 * Opens the case; or, with {@code action=find-licences}, lists the licences of this item the applicant holds
	 * for a change, renewal, cancellation or reissue to act on, and opens nothing.
	 */
	@PostMapping("/work/window")
	String open(@AuthenticationPrincipal SignedInUser me, @ModelAttribute WindowForm in,
			@RequestParam(required = false) String action, HttpServletResponse response, Model model) {
		Guide guide = catalogue.published(in.item() == null ? "" : in.item().strip()).orElseThrow(
				() -> Problem.notFound("未找到事项编码为“" + in.item() + "”的政务服务事项。"));
		model.addAttribute("query", guide.code());
		model.addAttribute("items", catalogue.items(null, null, null));
		if ("find-licences".equals(action)) {
			return findLicences(me, guide, in, model);
		}
		Applicant.Kind kind = kindOf(in.kind());
		Map<String, Object> form = new LinkedHashMap<>();
		if (notBlank(in.phone())) {
			form.put("phone", in.phone().strip());
		}
		GuideContent.Situation situation = in.situation() == null ? null : guide.situation(in.situation());
		if (in.licence() != null && situation != null && actsOnLicence(guide, situation)) {
			form.put(HeldLicences.FIELD, in.licence());
		}
		// only the chosen kind's fields are read: what was typed for the other kind is ignored
		NewCase.ApplicantInput applicant = kind == Applicant.Kind.ENTERPRISE
				? new NewCase.ApplicantInput(in.kind(), null, in.uscc(), in.name(), in.agentName(), null)
				: new NewCase.ApplicantInput(in.kind(), in.idNumber(), null, in.name(), null, in.idType());
		try {
			Case c = cases.openAtWindow(me, new NewCase(guide.code(), in.situation(), applicant, form),
					Boolean.TRUE.equals(in.identityChecked()));
			return "redirect:/cases/" + c.id() + "?opened";
		}
		catch (Problem p) {
			if (p.status() != HttpStatus.BAD_REQUEST) {
				throw p;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Map<String, String> errors = new LinkedHashMap<>();
			List<FieldMessage> found = p.errors().isEmpty() ? List.of(new FieldMessage("form", p.getMessage()))
					: p.errors();
			found.forEach(e -> errors.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
			show(guide, in, errors, List.of(), model);
			return "cases/window";
		}
	}

	private String findLicences(SignedInUser me, Guide guide, WindowForm in, Model model) {
		HeldLicences held = heldLicences.getIfAvailable();
		Applicant.Kind kind = kindOf(in.kind());
		String holder = kind == Applicant.Kind.ENTERPRISE ? in.uscc() : in.idNumber();
		Map<String, String> errors = new LinkedHashMap<>();
		List<HeldLicences.HeldLicence> found = List.of();
		if (!notBlank(holder)) {
			errors.put(kind == Applicant.Kind.ENTERPRISE ? "applicant.uscc" : "applicant.idNumber",
					"请先填写" + (kind == Applicant.Kind.ENTERPRISE ? "统一社会信用代码" : "证件号码") + "，再查找其持有的证照。");
		}
		else if (held != null) {
			String id = holder.strip().toUpperCase(Locale.ROOT);
			found = held.heldBy(kind, id, guide.code());
			// which licences a person holds is theirs to know: the clerk's look-up is on record like any view
			accessLog.viewed(me.username(), "licence-holder", id, "持有的本事项证照（编号、名称、状态、有效期）",
					"窗口收件：查找申请人的证照（" + guide.code() + "）");
			if (found.isEmpty()) {
				errors.put("form.licenceNumber", "未找到该申请人持有的本事项证照；持纸质证书的，请填写证书编号。");
			}
		}
		model.addAttribute("licencesLookedUp", true);
		show(guide, in, errors, found, model);
		return "cases/window";
	}

	/** The item named by code, by "code name" as the list offers it, or by the only item matching the words. */
	private Optional<Guide> find(String raw, Model model) {
		model.addAttribute("items", catalogue.items(null, null, null));
		if (raw == null || raw.isBlank()) {
			return Optional.empty();
		}
		String q = raw.strip();
		String code = q.split("\\s+")[0].toUpperCase(Locale.ROOT);
		Optional<Guide> exact = code.matches("[A-Z]{2}-[A-Z]{3}-[A-Z]{2}-\\d{3}") ? catalogue.published(code)
				: Optional.empty();
		if (exact.isPresent()) {
			return exact;
		}
		List<ServiceItemSummary> matches = catalogue.items(null, null, q);
		if (matches.size() == 1) {
			return catalogue.published(matches.get(0).code());
		}
		model.addAttribute("matches", matches);
		model.addAttribute("itemError", matches.isEmpty() ? "未找到与“" + q + "”相符的事项，请换用事项编码或名称中的词语。"
				: "有 " + matches.size() + " 个事项与“" + q + "”相符，请从下列事项中选择。");
		return Optional.empty();
	}

	private void show(Guide guide, WindowForm in, Map<String, String> errors, List<HeldLicences.HeldLicence> licences,
			Model model) {
		Set<Applicant.Kind> kinds = ApplicantKinds.servedBy(guide);
		Applicant.Kind kind = in.kind() != null && kinds.contains(kindOf(in.kind())) ? kindOf(in.kind())
				: kinds.iterator().next();
		List<GuideContent.Situation> onLicence = guide.situations().stream().filter(s -> actsOnLicence(guide, s))
				.toList();
		model.addAttribute("guide", guide);
		model.addAttribute("form", in);
		model.addAttribute("errors", errors);
		model.addAttribute("fieldIds", FIELD_IDS);
		model.addAttribute("kinds", kinds);
		model.addAttribute("personAllowed", kinds.contains(Applicant.Kind.PERSON));
		model.addAttribute("enterpriseAllowed", kinds.contains(Applicant.Kind.ENTERPRISE));
		model.addAttribute("kind", kind.name());
		model.addAttribute("idTypes", IdDocumentType.values());
		model.addAttribute("idType", IdDocumentType.parse(in.idType()).orElse(IdDocumentType.RESIDENT_ID).name());
		model.addAttribute("licenceSituations", onLicence.stream().map(GuideContent.Situation::name).toList());
		model.addAttribute("heldLicences", licences);
	}

	private boolean actsOnLicence(Guide guide, GuideContent.Situation s) {
		HeldLicences held = heldLicences.getIfAvailable();
		return held != null && held.actsOnHeldLicence(guide.code(), s.code(), s.name());
	}

	private static Applicant.Kind kindOf(String kind) {
		return "ENTERPRISE".equals(kind) ? Applicant.Kind.ENTERPRISE : Applicant.Kind.PERSON;
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}
}
