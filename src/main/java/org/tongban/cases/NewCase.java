package org.tongban.cases;

import java.util.Map;

/**
 * An application as the applicant sends it: item, situation, applicant, form fields (text values only).
 * {@code commitment} true signs the item's notice-commitment (告知承诺制): the applicant has read its
 * conditions and commits in writing that they are met. {@code guideVersion}, when given, is the guide
 * version the form was filled in under; if the guide has been republished since, the application is
 * refused (409) rather than silently judged by rules the applicant did not see.
 */
public record NewCase(String itemCode, String situation, ApplicantInput applicant, Map<String, Object> form,
		Boolean commitment, Integer guideVersion) {

	public NewCase(String itemCode, String situation, ApplicantInput applicant, Map<String, Object> form) {
		this(itemCode, situation, applicant, form, null, null);
	}

	public NewCase(String itemCode, String situation, ApplicantInput applicant, Map<String, Object> form,
			Boolean commitment) {
		this(itemCode, situation, applicant, form, commitment, null);
	}

	/**
	 * {@code kind} is PERSON or ENTERPRISE; {@code agentName} only for an enterprise. {@code idType} names the
	 * person's identity document ({@link org.tongban.shared.IdDocumentType}, the resident ID when absent); only the
	 * window records another.
	 */
	public record ApplicantInput(String kind, String idNumber, String uscc, String name, String agentName,
			String idType) {

		public ApplicantInput(String kind, String idNumber, String uscc, String name, String agentName) {
			this(kind, idNumber, uscc, name, agentName, null);
		}
	}
}
