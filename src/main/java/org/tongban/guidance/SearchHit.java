package org.tongban.guidance;

/** One service item found by a search, with the situation that fits the question best (may be null). */
public record SearchHit(String code, String name, Situation situation, String snippet, double score) {

	/** The situation (办理情形) of the item the question most likely means. */
	public record Situation(String code, String name) {
	}
}
