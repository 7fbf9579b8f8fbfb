package org.tongban.cases;

/** How close a running clock is to its deadline. */
@org.springframework.modulith.NamedInterface("api")
public enum WarningLevel {
	/** More than two working days left. */
	GREEN,
	/** Two working days or fewer left. */
	AMBER,
	/** The deadline has passed. */
	RED;

	/** The more urgent of two levels; either may be null (no clock running). */
	static WarningLevel worst(WarningLevel a, WarningLevel b) {
		if (a == null) {
			return b;
		}
		return b == null || a.ordinal() >= b.ordinal() ? a : b;
	}
}
