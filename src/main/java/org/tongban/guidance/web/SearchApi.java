package org.tongban.guidance.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.guidance.GuideSearch;
import org.tongban.guidance.SearchHit;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;

/**
 * {@code GET /api/search?q=}: public, no sign-in. A question with nothing to search for (empty, or
 * punctuation and spaces only) is a 400 with a Chinese message; anything longer than 200 characters is cut.
 */
@RestController
class SearchApi {

	private final GuideSearch search;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	SearchApi(GuideSearch search, RateLimits rateLimits) {
		this.search = search;
		this.rateLimits = rateLimits;
		this.limit = searchLimit(rateLimits);
	}

	/** Search, API and page together: 120 a minute per address ({@code tongban.rate-limits.search.*}). */
	static RateLimits.Limit searchLimit(RateLimits rateLimits) {
		return rateLimits.limit("search", 120, Duration.ofMinutes(1));
	}

	@GetMapping("/api/search")
	List<SearchHit> search(@RequestParam(name = "q", required = false) String q,
			@RequestParam(name = "limit", defaultValue = "10") int limit, HttpServletRequest request) {
		rateLimits.check(this.limit, request);
		if (q == null || q.codePoints().noneMatch(Character::isLetterOrDigit)) {
			throw Problem.invalid("q", "请输入要查找的事项或问题，例如“护士证换单位”。");
		}
		return search.search(q, limit);
	}
}
