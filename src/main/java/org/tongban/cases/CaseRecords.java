package org.tongban.cases;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to case files for other modules (licences, archive, reports) acting on an event. {@link #find} does
 * not check who is asking, so it is not for web endpoints; those read through {@link #readable}. The written
 * decisions it composes read only the case they are given, so pages may use them for a case they have already
 * read through a checked call.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class CaseRecords {

	private final Cases cases;
	private final DecisionNotices notices;
	private final java.time.Clock clock;

	CaseRecords(Cases cases, DecisionNotices notices, java.time.Clock clock) {
		this.cases = cases;
		this.notices = notices;
		this.clock = clock;
	}

	/**
	 * The case if {@code me} may read it — its applicant, or staff whose duty covers it ({@link CaseDuty}) — for
	 * other modules' pages about a case (its documents); empty means 404, as if it did not exist.
	 */
	@Transactional(readOnly = true)
	public Optional<Case> readable(org.tongban.identity.SignedInUser me, CaseId id) {
		return cases.find(id, CaseDuty.of(me, java.time.LocalDate.now(clock)), false);
	}

	@Transactional(readOnly = true)
	public Optional<Case> find(CaseId id) {
		return cases.find(id);
	}

	/** The written decision of a refused, denied or revoked case (reasons, basis, rights); empty otherwise. */
	public Optional<DecisionNotice> decisionNotice(Case c) {
		return notices.of(c);
	}

	/** The written decision a step of the case's timeline stands for, when it is a refusal, denial or revocation. */
	public Optional<DecisionNotice> decisionNotice(Case c, TimelineEntry entry) {
		return notices.of(c, entry);
	}
}
