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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.supervision.Register;
import org.tongban.supervision.RegulatedEntity;
import org.tongban.supervision.SelfCheckList;
import org.tongban.supervision.SelfChecks;

/** 合规体检 pages: the enterprise's form for its own entity, and a self-check's risk points with the fix form. */
@Controller
class SelfCheckPages {

	/** A question on the form: what was answered ("true", "false" or null) and its complaint. */
	record QuestionField(int number, SelfCheckList.Question q, String answer, String error) {
	}

	private final SelfChecks selfChecks;
	private final Register register;

	SelfCheckPages(SelfChecks selfChecks, Register register) {
		this.selfChecks = selfChecks;
		this.register = register;
	}

	@GetMapping("/supervision/self-check")
	@PreAuthorize("hasRole('ENTERPRISE')")
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		return form(model, me, Map.of(), Map.of(), null);
	}

	@PostMapping("/supervision/self-check")
	@PreAuthorize("hasRole('ENTERPRISE')")
	String submit(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal SignedInUser me,
			Model model) {
		Map<String, Boolean> answers = new LinkedHashMap<>();
		Map<String, String> typed = new HashMap<>();
		form.forEach((name, values) -> {
			if (name.startsWith("answer-") && !values.isEmpty()) {
				String code = name.substring("answer-".length());
				typed.put(code, values.get(0));
				if ("true".equals(values.get(0)) || "false".equals(values.get(0))) {
					answers.put(code, Boolean.valueOf(values.get(0)));
				}
			}
		});
		try {
			SelfChecks.SelfCheck check = selfChecks.submit(new SelfChecks.Submission(me.uscc(), answers), me.uscc(),
					me.username());
			return "redirect:/supervision/self-checks/" + check.id();
		}
		catch (Problem p) {
			if (p.errors().isEmpty()) {
				throw p;
			}
			Map<String, String> errors = new HashMap<>();
			for (FieldMessage m : p.errors()) {
				errors.merge(m.field().replaceFirst("^answers\\.", ""), m.message(), (a, b) -> a + "；" + b);
			}
			return form(model, me, typed, errors, "有 " + p.errors().size() + " 个问题需要处理，请看各题下方的说明。");
		}
	}

	@GetMapping("/supervision/self-checks/{id}")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	String result(@PathVariable UUID id, @RequestParam(required = false) String done,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("done", "fixes".equals(done) ? "整改情况已确认。" : null);
		return result(model, me, SelfCheckApi.readable(selfChecks, id, me), Map.of(), List.of(), "");
	}

	@PostMapping("/supervision/self-checks/{id}/fixes")
	@PreAuthorize("hasRole('ENTERPRISE')")
	String fixes(@PathVariable UUID id, @RequestParam(name = "code", required = false) List<String> codes,
			@RequestParam(required = false) String note, @AuthenticationPrincipal SignedInUser me, Model model) {
		List<String> chosen = codes == null ? List.of() : codes;
		try {
			selfChecks.confirmFixes(id, new SelfChecks.Fixes(chosen, note), me.uscc(), me.username());
			return "redirect:/supervision/self-checks/" + id + "?done=fixes";
		}
		catch (Problem p) {
			if (p.errors().isEmpty()) {
				throw p;
			}
			Map<String, String> errors = new HashMap<>();
			for (FieldMessage m : p.errors()) {
				errors.merge(m.field().startsWith("codes") ? "codes" : m.field(), m.message(), (a, b) -> a + "；" + b);
			}
			model.addAttribute("done", null);
			return result(model, me, SelfCheckApi.readable(selfChecks, id, me), errors, chosen, note == null ? "" : note);
		}
	}

	private String form(Model model, SignedInUser me, Map<String, String> typed, Map<String, String> errors, String error) {
		RegulatedEntity entity = selfChecks.ownEntity(me.uscc(), me.uscc());
		List<SelfCheckList.Question> questions = selfChecks.listFor(entity);
		java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
		model.addAttribute("entity", entity);
		model.addAttribute("fields", questions.stream().map(q -> new QuestionField(n.incrementAndGet(), q,
				typed.get(q.code()), errors.get(q.code()))).toList());
		model.addAttribute("otherErrors", errors.entrySet().stream()
			.filter(e -> questions.stream().noneMatch(q -> q.code().equals(e.getKey()))).map(Map.Entry::getValue).toList());
		model.addAttribute("error", error);
		model.addAttribute("history", selfChecks.of(entity.uscc()));
		return "supervision/self-check";
	}

	private String result(Model model, SignedInUser me, SelfChecks.SelfCheck check, Map<String, String> errors,
			List<String> chosen, String note) {
		model.addAttribute("c", SelfCheckApi.view(check, register));
		model.addAttribute("check", check);
		model.addAttribute("owner", me.has(Role.ENTERPRISE) && me.uscc() != null && check.uscc().equalsIgnoreCase(me.uscc()));
		model.addAttribute("errors", errors);
		model.addAttribute("chosen", chosen);
		model.addAttribute("note", note);
		return "supervision/self-check-result";
	}
}
