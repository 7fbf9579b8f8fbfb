package org.tongban.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The suite's clock: it starts on a fixed day and ticks at the wall clock's pace from there, so every date
 * the product computes is the same whatever day the suite runs, while rate-limit windows and waits still
 * see time pass. Tests that need another day {@link #travelTo travel} and are {@link #reset} afterwards.
 */
public final class TestClock extends Clock {

	/** Monday 15 June 2026, 10:00 in Shanghai: 2026's arrangement is entered, and no limit of a case reaches 2027. */
	public static final ZonedDateTime START = ZonedDateTime.of(2026, 6, 15, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai"));

	private final ZoneId zone;
	private volatile Duration offset;

	public TestClock() {
		this(START.getZone(), offsetTo(START.toInstant()));
	}

	private TestClock(ZoneId zone, Duration offset) {
		this.zone = zone;
		this.offset = offset;
	}

	private static Duration offsetTo(Instant target) {
		return Duration.between(Instant.now(), target);
	}

	/** Moves the clock to {@code time} in Shanghai; it goes on ticking from there. */
	public void travelTo(LocalDateTime time) {
		offset = offsetTo(time.atZone(zone).toInstant());
	}

	/** Moves the clock to 10:00 on {@code day}. */
	public void travelTo(LocalDate day) {
		travelTo(day.atTime(10, 0));
	}

	/** Back to {@link #START}. */
	public void reset() {
		offset = offsetTo(START.toInstant());
	}

	public LocalDate today() {
		return LocalDate.now(this);
	}

	@Override
	public ZoneId getZone() {
		return zone;
	}

	@Override
	public Clock withZone(ZoneId other) {
		return other.equals(zone) ? this : Clock.offset(Clock.system(other), offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}
}
