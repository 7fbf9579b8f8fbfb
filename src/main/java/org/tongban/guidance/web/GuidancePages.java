package org.tongban.guidance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.tongban.catalogue.GuideFiles;
import org.tongban.guidance.Guidance;
import org.tongban.guidance.GuidanceResult;
import org.tongban.guidance.Prefill;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/**
 * The public guidance pages. One question at a time, as plain GET forms that carry the earlier answers
 * in hidden fields, so the walk works without JavaScript and every step can be bookmarked or shared.
 */
@Controller
class GuidancePages {

	private final Guidance guidance;
	private final GuideFiles files;

	GuidancePages(Guidance guidance, GuideFiles files) {
		this.guidance = guidance;
		this.files = files;
	}

	@GetMapping("/guidance/{code}")
	String questions(@PathVariable String code, @RequestParam Map<String, String> answers, Model model) {
		Guidance.Progress progress = guidance.progress(code, answers);
		if (progress.next() == null) {
			return "redirect:" + resultUrl(code, progress);
		}
		model.addAttribute("guide", progress.guide());
		model.addAttribute("answered", progress.answered());
		model.addAttribute("question", progress.next());
		model.addAttribute("step", progress.answered().size() + 1);
		return "guidance/questions";
	}

	@GetMapping("/guidance/{code}/result")
	String result(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@RequestParam Map<String, String> answers, @RequestParam(required = false) List<String> exclude,
			Model model) {
		Guidance.Progress progress = guidance.progress(code, answers);
		if (progress.next() != null) {
			// a question on the path is still open: ask it instead of refusing
			return "redirect:" + pathWith("/guidance/" + code, progress);
		}
		GuidanceResult result = guidance.answer(code, answers);
		model.addAttribute("guide", progress.guide());
		model.addAttribute("result", result);
		model.addAttribute("offered", files.offered(code, result.version()));
		model.addAttribute("restart", "/guidance/" + code);
		// the applicant may choose fields not to pre-fill: those are then not filled here nor on the application
		Set<String> excluded = Prefill.exclusions(exclude);
		model.addAttribute("excluded", excluded);
		if (me != null && (me.has(Role.CITIZEN) || me.has(Role.ENTERPRISE))) {
			model.addAttribute("prefill", guidance.prefill(me, excluded));
			model.addAttribute("prefillChoices", guidance.prefill(me, Set.of()).fields());
			Map<String, String> path = new LinkedHashMap<>();
			progress.answered().forEach(a -> path.put(a.questionId(), String.valueOf(a.index())));
			model.addAttribute("answerPath", path);
		}
		return "guidance/result";
	}

	private static String resultUrl(String code, Guidance.Progress progress) {
		return pathWith("/guidance/" + code + "/result", progress);
	}

	/** Only the answers on the path are carried on, by option index, so URLs stay short and clean. */
	private static String pathWith(String path, Guidance.Progress progress) {
		Map<String, String> params = new LinkedHashMap<>();
		progress.answered().forEach(a -> params.put(a.questionId(), String.valueOf(a.index())));
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
		params.forEach(uri::queryParam);
		return uri.encode().build().toUriString();
	}
}
