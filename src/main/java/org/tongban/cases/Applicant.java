package org.tongban.cases;

/**
 * Who applies: a person by 身份证号, or an enterprise by 统一社会信用代码 with the agent acting for it.
 * {@code owner} is the username of the account that owns the case.
 */
@org.springframework.modulith.NamedInterface("api")
public record Applicant(Kind kind, String idNumber, String uscc, String name, String agentName, String owner) {

	public enum Kind {
		PERSON, ENTERPRISE
	}
}
