package org.tongban.cases;

import java.util.Map;

/** An application as the applicant sends it: item, situation, applicant, form fields (text values only). */
public record NewCase(String itemCode, String situation, ApplicantInput applicant, Map<String, Object> form) {

	/** {@code kind} is PERSON or ENTERPRISE; {@code agentName} only for an enterprise. */
	public record ApplicantInput(String kind, String idNumber, String uscc, String name, String agentName) {
	}
}
