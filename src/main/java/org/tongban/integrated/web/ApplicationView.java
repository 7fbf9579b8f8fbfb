package org.tongban.integrated.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.tongban.cases.Case;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CaseStatus;
import org.tongban.integrated.IntegratedApplication;

/**
 * An integrated application as its applicant sees it (page and API): one status, and each sub-case with where it
 * stands now, its deadline, whether it waits for the applicant's correction, and for a part that failed, why and what
 * the applicant can do.
 */
record ApplicationView(UUID id, String packageCode, String packageName, String kind, String kindLabel, String status,
		String statusLabel, String licenceNumber, Instant submittedAt, Instant doneAt, List<Part> subCases,
		int waitingForCorrection) {

	/** One sub-case: an ordinary case of its item, linked to its own page. */
	record Part(String itemCode, String itemName, String situationName, UUID caseId, String caseNumber,
			String caseStatus, String caseStatusLabel, LocalDate deadline, boolean correctionRequested, Boolean granted,
			String reasons, String whatNext) {
	}

	static final String AFTER_DENIAL = "您可以按决定书所列理由修改后单独重新申请该项（已准予的其他事项不受影响），"
			+ "或自收到决定书之日起 60 日内向浦东新区人民政府申请行政复议，或 6 个月内向人民法院提起行政诉讼。";

	static ApplicationView of(IntegratedApplication a, String packageName, CaseRecords cases) {
		List<Part> parts = a.subCases().stream().map(s -> {
			Case c = cases.find(new CaseId(s.caseId())).orElse(null);
			CaseStatus status = c == null ? null : c.status();
			boolean failed = Boolean.FALSE.equals(s.granted());
			return new Part(s.itemCode(), s.itemName(), s.situationName(), s.caseId(), s.caseNumber(),
					status == null ? null : status.name(), status == null ? "—" : status.label(),
					c == null ? null : c.promisedDeadline() != null ? c.promisedDeadline() : c.acceptanceDue(),
					status == CaseStatus.CORRECTION_REQUESTED, s.granted(), s.reasons(),
					failed ? AFTER_DENIAL
							: status == CaseStatus.CORRECTION_REQUESTED ? "请打开该办件，按补正告知上传材料后提交补正。" : null);
		}).toList();
		return new ApplicationView(a.id(), a.packageCode(), packageName, a.kind().name(), a.kind().label(),
				a.status().name(), a.statusLabel(), a.licenceNumber(), a.submittedAt(), a.doneAt(), parts,
				(int) parts.stream().filter(Part::correctionRequested).count());
	}
}
