package org.tongban.catalogue;

/** One line of a catalogue list: the item and the headline figures of its published guide. */
public record ServiceItemSummary(String code, String name, ItemType type, String typeLabel, String division,
		String divisionName, String handlingUnit, String handlingUnitName, int version, boolean needsReview,
		String reviewReason, Integer statutoryDays, int promisedDays, boolean immediate, String fee,
		boolean online) {
}
