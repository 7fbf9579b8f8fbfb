package org.tongban.benefits;

import java.time.LocalDate;
import java.util.List;

/** One version of a programme's eligibility rule: clauses that must all hold, each with its basis. */
public record Rule(String programme, int version, LocalDate effectiveFrom, List<Clause> clauses) {

	/** A clause: a CEL expression over the facts, what it means in words, and the policy or law it comes from. */
	public record Clause(String id, String label, String expression, String basis) {
	}
}
