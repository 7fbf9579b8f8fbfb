package org.tongban.guidance.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.ItemType;
import org.tongban.catalogue.ServiceItemSummary;
import org.tongban.guidance.GuideSearch;
import org.tongban.guidance.SearchHit;
import org.tongban.shared.RateLimits;

/**
 * The citizen portal's front door: the home page (search, life stages, item types, popular items, and
 * the staff cards below) and the search results page. Both public.
 */
@Controller
class PortalPages {

	/** Longer questions are cut by GuideSearch anyway; this keeps the echoed text in the box sane too. */
	private static final int MAX_QUESTION = 200;

	private final Catalogue catalogue;
	private final GuideSearch search;
	private final LifeStages lifeStages;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	PortalPages(Catalogue catalogue, GuideSearch search, LifeStages lifeStages, RateLimits rateLimits) {
		this.catalogue = catalogue;
		this.search = search;
		this.lifeStages = lifeStages;
		this.rateLimits = rateLimits;
		this.limit = SearchApi.searchLimit(rateLimits);
	}

	/** A stage with its items resolved against the catalogue; unpublished codes are left out. */
	record StageView(String name, String hint, List<ServiceItemSummary> items) {
	}

	/** One search result with the item's type, which the search index does not carry. */
	record ResultView(SearchHit hit, String typeLabel) {
	}

	@GetMapping("/")
	String home(Model model) {
		Map<String, ServiceItemSummary> items = published();
		model.addAttribute("stages", lifeStages.stages().stream()
			.map(s -> new StageView(s.name(), s.hint(), resolve(s.items(), items)))
			.filter(s -> !s.items().isEmpty())
			.toList());
		model.addAttribute("popular", resolve(lifeStages.popular(), items));
		model.addAttribute("types", ItemType.values());
		return "guidance/home";
	}

	@GetMapping("/search")
	String search(@RequestParam(name = "q", required = false) String q, Model model, HttpServletRequest request) {
		String question = q == null ? "" : q.length() > MAX_QUESTION ? q.substring(0, MAX_QUESTION) : q;
		model.addAttribute("q", question);
		if (question.codePoints().noneMatch(Character::isLetterOrDigit)) {
			// not an error: the page explains what to type, next to the field
			model.addAttribute("hint", question.isBlank() ? "请输入要办的事或遇到的问题，例如“护士证换单位”“开牙科诊所要办什么证”。"
					: "请输入文字或数字，例如“健康证在哪里办”。");
			return "guidance/search";
		}
		rateLimits.check(limit, request);
		Map<String, ServiceItemSummary> items = published();
		model.addAttribute("results", search.search(question, 10).stream()
			.map(hit -> new ResultView(hit, items.containsKey(hit.code()) ? items.get(hit.code()).typeLabel() : null))
			.toList());
		return "guidance/search";
	}

	private Map<String, ServiceItemSummary> published() {
		return catalogue.items(null, null, null).stream()
			.collect(Collectors.toMap(ServiceItemSummary::code, Function.identity(), (a, b) -> a));
	}

	private static List<ServiceItemSummary> resolve(List<String> codes, Map<String, ServiceItemSummary> items) {
		return codes.stream().map(items::get).filter(Objects::nonNull).toList();
	}
}
