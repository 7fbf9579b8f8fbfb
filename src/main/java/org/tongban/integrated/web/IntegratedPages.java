package org.tongban.integrated.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.integrated.IndustryPackage;
import org.tongban.integrated.IndustryPackages;
import org.tongban.integrated.MergedApplication;
import org.tongban.integrated.PackageTexts;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** The public pages: the list of industries, one industry's journey and questionnaire, its manual and 一册告知. */
@Controller
@RequestMapping("/integrated")
class IntegratedPages {

	private final IndustryPackages packages;

	IntegratedPages(IndustryPackages packages) {
		this.packages = packages;
	}

	/** An item of the journey as the page shows it, with its condition in words. */
	record JourneyItem(IndustryPackage.Item item, String when) {
	}

	@GetMapping
	String list(Model model) {
		List<IndustryPackage> all = packages.published();
		model.addAttribute("packages", all);
		Map<String, MergedApplication.Figures> figures = new LinkedHashMap<>();
		all.forEach(p -> figures.put(p.code(), packages.typical(p).figures()));
		model.addAttribute("figures", figures);
		return "integrated/list";
	}

	@GetMapping("/packages/{code}")
	String show(@PathVariable String code, Model model) {
		IndustryPackage p = live(code);
		prepare(model, p, Map.of());
		return "integrated/package";
	}

	@PostMapping("/packages/{code}/answers")
	String answer(@PathVariable String code, @RequestParam MultiValueMap<String, String> form, Model model) {
		IndustryPackage p = live(code);
		Map<String, Object> answers = new LinkedHashMap<>();
		for (IndustryPackage.Question q : p.questions()) {
			String value = form.getFirst("q." + q.id());
			if (value != null && !value.isBlank()) {
				answers.put(q.id(), value.strip());
			}
		}
		prepare(model, p, answers);
		try {
			model.addAttribute("merged", packages.merge(p, answers));
		}
		catch (Problem problem) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldMessage e : problem.errors()) {
				for (String field : e.field().split(",")) {
					errors.merge(field, e.message(), (a, b) -> a.equals(b) ? a : a + " " + b);
				}
			}
			model.addAttribute("errors", errors);
			model.addAttribute("problem", problem.getMessage());
		}
		return "integrated/package";
	}

	@GetMapping("/packages/{code}/manual")
	String manual(@PathVariable String code, Model model) {
		IndustryPackage p = live(code);
		model.addAttribute("pkg", p);
		model.addAttribute("journey", journey(p));
		model.addAttribute("validity", PackageTexts.validity(p));
		model.addAttribute("materialRows", p.materials().stream()
			.map(m -> new MaterialRow(m, String.join("、", p.materials().isEmpty() ? List.of() : names(p, m.neededBy())),
					PackageTexts.when(p, m.conditions())))
			.toList());
		return "integrated/manual";
	}

	@GetMapping("/packages/{code}/booklet")
	String booklet(@PathVariable String code, Model model) {
		model.addAttribute("pkg", live(code));
		return "integrated/booklet";
	}

	record MaterialRow(IndustryPackage.Material material, String items, String when) {
	}

	private void prepare(Model model, IndustryPackage p, Map<String, Object> answers) {
		model.addAttribute("pkg", p);
		model.addAttribute("journey", journey(p));
		model.addAttribute("validity", PackageTexts.validity(p));
		Map<String, String> given = new LinkedHashMap<>();
		answers.forEach((k, v) -> given.put(k, String.valueOf(v)));
		model.addAttribute("answers", given);
		model.addAttribute("errors", Map.of());
		model.addAttribute("typical", packages.typical(p).figures());
	}

	private static List<JourneyItem> journey(IndustryPackage p) {
		return p.items().stream().map(i -> new JourneyItem(i, PackageTexts.when(p, i.conditions()))).toList();
	}

	private static List<String> names(IndustryPackage p, List<String> keys) {
		return keys.stream().map(k -> p.item(k).map(IndustryPackage.Item::name).orElse(k)).toList();
	}

	private IndustryPackage live(String code) {
		return packages.published(code)
			.orElseThrow(() -> Problem.notFound("没有代码为“" + code + "”的一业一证行业。"));
	}
}
