package org.tongban.benefits;

/**
 * A fact a rule may name: its CEL type, the column of the matcher's facts that holds it, what the explanation calls
 * it and where it comes from, and what reading it costs the bulk matcher per person (0: a column of the population
 * register; 1 and more: a probe of another register, the more rows it holds the more).
 */
record Fact(String name, Type type, String label, String source, int cost) {

	enum Type {
		INT, STRING, BOOL
	}
}
