package org.tongban.benefits;

import java.util.List;

/**
 * A programme offered without application: its owning division (whose staff run and explain it), the service
 * offered, and the institutions where it can be booked ({@code {street}} stands for the person's street/town).
 */
record Programme(String code, String name, String division, String basis, String service, List<String> institutions) {

	/** The institutions where this person can book, their street/town filled in. */
	List<String> institutionsFor(String street) {
		return institutions.stream().map(i -> i.replace("{street}", street == null || street.isEmpty() ? "浦东新区" : street))
			.distinct().toList();
	}
}
