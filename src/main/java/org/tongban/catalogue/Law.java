package org.tongban.catalogue;

import java.time.LocalDate;

/** A law, regulation, rule or policy document that guides cite. */
public record Law(String id, String name, String issuer, LawStatus status, String statusLabel, LocalDate effective,
		LocalDate amended, LocalDate repealed, String note) {
}
