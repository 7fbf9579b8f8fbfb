package org.tongban.cases;

import java.util.Map;

/**
 * An application as the applicant sends it: item, situation, applicant, form fields (text values only).
 * {@code commitment} true signs the item's notice-commitment (告知承诺制): the applicant has read its
 * conditions and commits in writing that they are met.
 */
public record NewCase(String itemCode, String situation, ApplicantInput applicant, Map<String, Object> form,
		Boolean commitment) {

	public NewCase(String itemCode, String situation, ApplicantInput applicant, Map<String, Object> form) {
		this(itemCode, situation, applicant, form, null);
	}

	/** {@code kind} is PERSON or ENTERPRISE; {@code agentName} only for an enterprise. */
	public record ApplicantInput(String kind, String idNumber, String uscc, String name, String agentName) {
	}
}
