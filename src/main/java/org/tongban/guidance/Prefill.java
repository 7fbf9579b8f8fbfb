package org.tongban.guidance;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** What the registers already know about the signed-in applicant, each field with its source. */
public record Prefill(List<Field> fields, List<HeldLicence> licencesHeld) {

	public record Field(String field, String label, String value, String source) {
	}

	/**
	 * The field names an applicant chose not to pre-fill, as pages and the API receive them (repeated
	 * parameters or one comma-separated value): trimmed, blanks dropped.
	 */
	public static Set<String> exclusions(Collection<String> raw) {
		return raw == null ? Set.of()
				: raw.stream().flatMap(r -> Arrays.stream(r.split(","))).map(String::strip).filter(f -> !f.isEmpty())
						.collect(Collectors.toUnmodifiableSet());
	}

	public record HeldLicence(String name, String number, String issuer, String validUntil, String source) {
	}
}
