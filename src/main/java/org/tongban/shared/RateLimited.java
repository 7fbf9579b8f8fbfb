package org.tongban.shared;

import java.time.Duration;
import java.util.List;

import org.springframework.http.HttpStatus;

/** A request refused by a rate limit: 429 with {@code Retry-After} in seconds, in Chinese on the API and on pages. */
public class RateLimited extends Problem {

	private final long retryAfterSeconds;

	public RateLimited(Duration retryAfter) {
		this(retryAfter, null);
	}

	public RateLimited(Duration retryAfter, String what) {
		super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "请求过于频繁",
				(what == null ? "请求过于频繁" : what) + "，请" + inWords(seconds(retryAfter)) + "后再试。", List.of());
		this.retryAfterSeconds = seconds(retryAfter);
		with("retryAfter", retryAfterSeconds);
	}

	/** Whole seconds, rounded up, at least one: what {@code Retry-After} says. */
	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}

	private static long seconds(Duration d) {
		long s = (d.toNanos() + 999_999_999L) / 1_000_000_000L;
		return Math.max(1, s);
	}

	private static String inWords(long seconds) {
		return seconds < 60 ? " " + seconds + " 秒" : " " + (seconds + 59) / 60 + " 分钟";
	}
}
