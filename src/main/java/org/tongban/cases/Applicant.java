package org.tongban.cases;

import org.tongban.shared.IdDocumentType;

/**
 * Who applies: a person by the number of an identity document (the 居民身份证 unless the window clerk recorded
 * another, {@code idType}), or an enterprise by 统一社会信用代码 with the agent acting for it. {@code owner} is the
 * username of the account that owns the case.
 */
@org.springframework.modulith.NamedInterface("api")
public record Applicant(Kind kind, String idNumber, String uscc, String name, String agentName, String owner,
		IdDocumentType idType) {

	public Applicant {
		// a person always has a document, the resident ID unless said otherwise; an enterprise has none
		idType = kind == Kind.PERSON ? (idType == null ? IdDocumentType.RESIDENT_ID : idType) : null;
	}

	/** A person by 居民身份证, or an enterprise. */
	public Applicant(Kind kind, String idNumber, String uscc, String name, String agentName, String owner) {
		this(kind, idNumber, uscc, name, agentName, owner, null);
	}

	/** What the person's number is called (公民身份号码, 护照号码 …); null for an enterprise. */
	public String idNumberLabel() {
		return idType == null ? null : idType.numberLabel();
	}

	public enum Kind {
		PERSON, ENTERPRISE;

		/** 个人 or 企业（单位）, as the window offers the choice. */
		public String label() {
			return this == PERSON ? "个人" : "企业（单位）";
		}
	}
}
