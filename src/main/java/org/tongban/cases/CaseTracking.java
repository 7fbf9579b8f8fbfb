package org.tongban.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 办件进度查询 without an account: whoever holds a case's 办件编号 and 查询码 sees where it stands, and nothing
 * personal (no name, ID number, phone, form, materials, reasons or staff names). An unknown number and a wrong
 * code are the same answer: nothing. The web layer limits how often an address may ask.
 */
@Service
public class CaseTracking {

	private final JdbcClient jdbc;
	private final Cases cases;
	private final Clock clock;

	CaseTracking(JdbcClient jdbc, Cases cases, Clock clock) {
		this.jdbc = jdbc;
		this.cases = cases;
		this.clock = clock;
	}

	/**
	 * What the public lookup shows. {@code deadline} is the next date the authority is bound to and
	 * {@code deadlineLabel} says which (受理决定期限, 承诺办结期限, 事后核查期限); {@code step} the open step's name.
	 */
	public record Progress(String number, String itemName, CaseStatus status, String statusLabel, String step,
			LocalDate submittedOn, LocalDate acceptedOn, LocalDate deadline, String deadlineLabel,
			boolean deadlineProvisional, LocalDate decidedOn, LocalDate completedOn) {
	}

	/** The progress of the case with this number, if the code is its query code; otherwise empty. */
	@Transactional(readOnly = true)
	public Optional<Progress> track(String number, String code) {
		String n = CaseNumbers.normaliseNumber(number);
		String q = CaseNumbers.normaliseCode(code);
		if (n == null || q == null) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, query_code FROM cases_case WHERE case_number = ?").param(n)
				.query((rs, i) -> new Stored(rs.getObject("id", UUID.class), rs.getString("query_code")))
				.optional()
				.filter(s -> MessageDigest.isEqual(s.queryCode().getBytes(StandardCharsets.US_ASCII),
						q.getBytes(StandardCharsets.US_ASCII)))
				.flatMap(s -> cases.find(new CaseId(s.id())))
				.map(this::progress);
	}

	private record Stored(UUID id, String queryCode) {
	}

	private Progress progress(Case c) {
		return new Progress(c.number(), c.itemName(), c.status(), c.status().label(),
				c.currentStep() == null ? null : c.currentStep().label(), day(c.submittedAt()), c.acceptedOn(),
				c.deadline(), deadlineLabel(c), c.deadline() != null && c.limitsProvisional(), day(c.decidedAt()),
				day(c.completedAt()));
	}

	private static String deadlineLabel(Case c) {
		if (c.deadline() == null) {
			return null;
		}
		return switch (c.status()) {
			case SUBMITTED -> "受理决定期限";
			case GRANTED -> "事后核查期限";
			default -> "承诺办结期限";
		};
	}

	private LocalDate day(Instant at) {
		return at == null ? null : LocalDate.ofInstant(at, clock.getZone());
	}
}
