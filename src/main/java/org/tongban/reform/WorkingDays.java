package org.tongban.reform;

import java.time.LocalDate;

/** Counts working days for the due-soon warning; the shared calendar will answer this once merged. */
interface WorkingDays {

	/** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
	int between(LocalDate from, LocalDate to);
}
