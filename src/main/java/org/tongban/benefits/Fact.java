package org.tongban.benefits;

/**
 * A fact a rule may name: its CEL type, the column of the matcher's facts table that holds it, and what the
 * explanation calls it and where it comes from.
 */
record Fact(String name, Type type, String label, String source) {

	enum Type {
		INT, STRING, BOOL
	}
}
