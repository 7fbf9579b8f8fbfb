package org.tongban.licences.web;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.tongban.shared.Problem;

/**
 * Limits public verification per client IP (the servlet's remote address; behind a proxy set
 * server.forward-headers-strategy) to N requests per minute, in a fixed one-minute window per address.
 */
@Component
class VerifyRateLimit {

	private static final int MAX_TRACKED = 50_000;

	private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
	private final int perMinute;
	private final Clock clock;

	VerifyRateLimit(@Value("${tongban.licences.verify-per-minute:30}") int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	private record Window(long minute, int count) {
	}

	void check(HttpServletRequest request) {
		long minute = clock.millis() / 60_000;
		if (windows.size() > MAX_TRACKED) {
			windows.entrySet().removeIf(e -> e.getValue().minute() != minute);
		}
		Window w = windows.merge(request.getRemoteAddr(), new Window(minute, 1),
				(old, one) -> old.minute() == minute ? new Window(minute, old.count() + 1) : one);
		if (w.count() > perMinute) {
			throw new Problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "请求过于频繁",
					"核验请求过于频繁，请一分钟后再试。", List.of());
		}
	}
}
