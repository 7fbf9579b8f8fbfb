package org.tongban.shared;

import java.time.LocalDate;

/** A date on which the published holiday arrangement departs from "Monday to Friday are working days". */
public record SpecialDay(LocalDate date, Kind kind, String name) {

	/** OFF: a statutory holiday, on a weekday or a weekend; WORK: a make-up working day on a weekend. */
	public enum Kind {

		OFF("休"), WORK("班");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** The one-character word the State Council notices and office calendars use. */
		public String label() {
			return label;
		}
	}
}
