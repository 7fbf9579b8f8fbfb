package org.tongban.guidance.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.guidance.GuideSearch;
import org.tongban.guidance.SearchHit;
import org.tongban.shared.Problem;

/**
 * {@code GET /api/search?q=}: public, no sign-in. A question with nothing to search for (empty, or
 * punctuation and spaces only) is a 400 with a Chinese message; anything longer than 200 characters is cut.
 */
@RestController
class SearchApi {

	private final GuideSearch search;

	SearchApi(GuideSearch search) {
		this.search = search;
	}

	@GetMapping("/api/search")
	List<SearchHit> search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "limit", defaultValue = "10") int limit) {
		if (q == null || q.codePoints().noneMatch(Character::isLetterOrDigit)) {
			throw Problem.invalid("q", "请输入要查找的事项或问题，例如“护士证换单位”。");
		}
		return search.search(q, limit);
	}
}
