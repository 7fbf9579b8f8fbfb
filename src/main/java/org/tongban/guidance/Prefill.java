package org.tongban.guidance;

import java.util.List;

/** What the registers already know about the signed-in applicant, each field with its source. */
public record Prefill(List<Field> fields, List<HeldLicence> licencesHeld) {

	public record Field(String field, String label, String value, String source) {
	}

	public record HeldLicence(String name, String number, String issuer, String validUntil, String source) {
	}
}
