package org.tongban.cases;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.SignedInUser;

/**
 * Opening cases for another module that composes several applications into one (一业一证): each case is an
 * ordinary case of its item, checked, numbered and handled exactly as if applied for alone. Runs in the caller's
 * transaction, so a composed application opens all its cases or none.
 */
@Service
@org.springframework.modulith.NamedInterface("api")
public class CaseSubmissions {

	/** A file for one material of the situation's list; its type is judged by its content, as any upload. */
	public record Attachment(String material, String filename, byte[] content) {
	}

	/** The case opened (or, for a replayed key, opened before): id, 办件编号 and whether this call created it. */
	public record Opened(CaseId id, String number, boolean created) {
	}

	private final CaseApplications applications;

	CaseSubmissions(CaseApplications applications) {
		this.applications = applications;
	}

	/** Submits a case for the signed-in applicant; the same key returns the first case (422 if the request differs). */
	@Transactional
	public Opened submit(SignedInUser applicant, String idempotencyKey, NewCase request, List<Attachment> attachments) {
		return opened(applications.apply(applicant, idempotencyKey, request, attachments));
	}

	/** Submits the part another authority's system hands over ({@link Channel#PARTNER}); idempotent per partner and key. */
	@Transactional
	public Opened receiveFromPartner(String partner, String idempotencyKey, NewCase request,
			List<Attachment> attachments) {
		return opened(applications.receiveFromPartner(partner, idempotencyKey, request, attachments));
	}

	private static Opened opened(CaseApplications.Submission s) {
		UUID id = s.receipt().id();
		return new Opened(new CaseId(id), s.receipt().number(), s.created());
	}
}
