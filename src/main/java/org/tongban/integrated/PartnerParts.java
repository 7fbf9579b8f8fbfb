package org.tongban.integrated;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.tongban.cases.CaseCompleted;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseSubmissions;
import org.tongban.cases.NewCase;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.GuideContent;
import org.tongban.identity.SignedInUser;
import org.tongban.licences.IntegratedLicensing;
import org.tongban.licences.Licence;
import org.tongban.licences.LicenceCaseApplied;
import org.tongban.licences.Licences;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Outbox;
import org.tongban.shared.Problem;

/**
 * 一业一证 cooperating industries (养老院, 购物中心, 游泳馆): the lead authority's system hands over the commission's
 * part of an application it received; each underlying item becomes an ordinary case for its division (channel
 * PARTNER), and its result goes back to the lead through an outbox: after commit, and if the lead is down or slow,
 * again after 1, 2, 4 … 60 minutes under the same Idempotency-Key, so the lead never records it twice.
 */
@Service
public class PartnerParts {

	private static final Logger log = LoggerFactory.getLogger(PartnerParts.class);

	/** What the lead's system sends: its reference, the package, the answers and integrated form, the documents. */
	public record HandOver(String reference, String packageCode, Map<String, Object> answers, Party applicant,
			Map<String, Object> form, String phone, List<Document> documents) {
	}

	/** The applicant enterprise. */
	public record Party(String uscc, String name, String agentName) {
	}

	/** A document of the merged list, by its code, base64 content. */
	public record Document(String code, String filename, String content) {
	}

	/** A part as the commission holds it, with where its result stands. */
	public record Part(UUID id, String packageCode, String leadAuthority, String reference, String itemCode,
			String itemName, UUID caseId, String caseNumber, Instant receivedAt, String resultStatus, int attempts,
			String lastError, Instant sentAt) {

		public String resultLabel() {
			return resultStatus == null ? "办理中" : "SENT".equals(resultStatus) ? "结果已送达牵头部门"
					: "结果等待送达牵头部门（第 " + attempts + " 次未成功，将自动重试）";
		}
	}

	private final IndustryPackages packages;
	private final CaseSubmissions cases;
	private final org.tongban.cases.CaseRecords caseRecords;
	private final Catalogue catalogue;
	private final LeadAuthorities leads;
	private final Licences licences;
	private final IntegratedLicensing integratedLicences;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final java.time.Clock clock;
	private final Outbox outbox;

	private final IndustryEfficiency efficiency;

	PartnerParts(IndustryPackages packages, CaseSubmissions cases, org.tongban.cases.CaseRecords caseRecords,
			Catalogue catalogue, LeadAuthorities leads,
			Licences licences, IntegratedLicensing integratedLicences, AuditTrail audit, JdbcClient jdbc,
			java.time.Clock clock, IndustryEfficiency efficiency) {
		this.efficiency = efficiency;
		this.packages = packages;
		this.cases = cases;
		this.caseRecords = caseRecords;
		this.catalogue = catalogue;
		this.leads = leads;
		this.licences = licences;
		this.integratedLicences = integratedLicences;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
		this.outbox = new Outbox(jdbc, clock, "integrated_partner_result");
	}

	/** Whether the lead authority of the package sent its secret (403 otherwise, checked before anything is read). */
	public boolean authentic(String packageCode, String token) {
		return leads.authentic(packageCode, token);
	}

	/**
	 * Opens the commission's part of a lead authority's application: the answers decide the items, the form is checked
	 * as an applicant's would be, each item becomes a case. The same reference again returns the parts opened the first
	 * time (the lead may retry after a timeout).
	 */
	@Transactional
	public List<Part> receive(HandOver h) {
		if (h == null || h.reference() == null || h.reference().isBlank() || h.reference().length() > 100) {
			throw Problem.invalid("reference", "请提供牵头部门的申请编号（100 字以内）。");
		}
		IndustryPackage pkg = packages.published(h.packageCode()).orElseThrow(() -> IndustryPackages.unknown(h.packageCode()));
		if (pkg.role() != IndustryPackage.Role.COOPERATING) {
			throw Problem.conflict("“" + pkg.name() + "”由本委牵头，不接收其他部门转来的申请。");
		}
		List<Part> earlier = parts("package_code = ? AND p.reference = ?", pkg.code(), h.reference().strip());
		if (!earlier.isEmpty()) {
			return earlier;
		}
		MergedApplication merged = packages.merge(pkg, h.answers() == null ? Map.of() : h.answers());
		List<FieldMessage> errors = new ArrayList<>();
		Map<String, String> form = IntegratedForm.check(merged, h.form(), errors);
		String phone = h.phone() == null ? "" : h.phone().strip();
		if (!IntegratedForm.PHONE.matcher(phone).matches()) {
			errors.add(new FieldMessage("phone", "请提供申请人的联系电话（手机号或带区号的座机号）。"));
		}
		if (h.applicant() == null || h.applicant().name() == null || h.applicant().name().isBlank()) {
			errors.add(new FieldMessage("applicant.name", "请提供申请单位名称。"));
		}
		Map<String, IntegratedApplications.Upload> documents = decode(h.documents(), errors);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Map<String, Map<String, Object>> split = packages.split(merged, new LinkedHashMap<>(form));
		Instant now = clock.instant();
		for (MergedApplication.ApplicableItem item : merged.internalItems()) {
			Map<String, Object> itemForm = new LinkedHashMap<>(split.getOrDefault(item.itemCode(), Map.of()));
			itemForm.put("phone", phone);
			List<CaseSubmissions.Attachment> attachments = IntegratedApplications.attachments(catalogue, item, merged,
					documents);
			CaseSubmissions.Opened opened = cases.receiveFromPartner(pkg.code(), h.reference().strip() + "/" + item.itemCode(),
					new NewCase(item.itemCode(), item.situation(), new NewCase.ApplicantInput("ENTERPRISE", null,
							h.applicant().uscc(), h.applicant().name(), h.applicant().agentName()), itemForm),
					attachments);
			String owner = caseRecords.find(opened.id()).orElseThrow().applicant().owner();
			jdbc.sql("""
					INSERT INTO integrated_partner_part (id, package_code, reference, item_code, item_name, case_id, case_number,
					  owner, applicant_name, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(UUID.randomUUID(), pkg.code(), h.reference().strip(), item.itemCode(), item.name(),
						opened.id().value(), opened.number(), owner, h.applicant().name().strip(), Timestamp.from(now))
				.update();
		}
		audit.record("integrated.partner-part-received", "integrated-partner-part", h.reference().strip(), Map.of(),
				Map.of("package", pkg.code(), "items", merged.internalItems().size()));
		return parts("package_code = ? AND p.reference = ?", pkg.code(), h.reference().strip());
	}

	/** The parts handed over for the applicant's enterprise, newest first. */
	@Transactional(readOnly = true)
	public List<Part> mine(SignedInUser me) {
		return parts("owner = ?", me.username());
	}

	// ---- results back to the lead

	@ApplicationModuleListener
	void on(CaseDecided decided) {
		part(decided.caseId().value()).ifPresent(p -> {
			boolean waits = decided.granted() && integratedLicences.issuesLicence(decided.itemCode(), decided.situation(),
					decided.situationName());
			if (!waits) {
				queue(p, decided.granted(), decided.reasons(), decided.decidedAt());
			}
		});
	}

	@ApplicationModuleListener
	void on(LicenceCaseApplied applied) {
		part(applied.caseId().value()).ifPresent(p -> queue(p, true, null, clock.instant()));
	}

	@ApplicationModuleListener
	void on(CaseCompleted completed) {
		if (completed.outcome() == CaseStatus.REFUSED || completed.outcome() == CaseStatus.WITHDRAWN) {
			part(completed.caseId().value())
				.ifPresent(p -> queue(p, false, completed.outcome().label(), completed.completedAt()));
		}
	}

	private void queue(Part p, boolean granted, String reasons, Instant decidedAt) {
		UUID id = UUID.randomUUID();
		String licence = granted ? licences.forCase(new org.tongban.cases.CaseId(p.caseId())).map(Licence::number).orElse(null) : null;
		int inserted = jdbc.sql("""
				INSERT INTO integrated_partner_result (id, part_id, granted, reasons, licence_number, decided_at, status,
				  next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?) ON CONFLICT (part_id) DO NOTHING""")
			.params(id, p.id(), granted, reasons, licence, Timestamp.from(decidedAt), Timestamp.from(clock.instant()))
			.update();
		if (inserted == 1) {
			efficiency.measure(p.packageCode());
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					outbox.sendNow(id, PartnerParts.this::attempt);
				}
			});
		}
	}

	/** Sends every result that is due; how many the leads took. */
	public int retryDue() {
		return outbox.sendDue(this::attempt);
	}

	/** One try, outside any transaction: the lead's answer is not held up by a database lock. */
	private boolean attempt(UUID resultId) {
		var row = jdbc.sql("""
				SELECT p.package_code, p.reference, p.item_code, p.item_name, p.case_number, r.granted, r.reasons,
				  r.licence_number, r.decided_at FROM integrated_partner_result r JOIN integrated_partner_part p ON p.id = r.part_id
				WHERE r.id = ?""").param(resultId)
			.query((rs, i) -> new Object[] { rs.getString(1), new LeadAuthorities.PartResult(resultId, rs.getString(2),
					rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7), rs.getString(8),
					validUntil(rs.getString(8)), rs.getTimestamp(9).toInstant()) })
			.single();
		try {
			leads.sendResult((String) row[0], (LeadAuthorities.PartResult) row[1]);
			jdbc.sql("""
					UPDATE integrated_partner_result SET status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL
					WHERE id = ? AND status = 'PENDING'""").params(Timestamp.from(clock.instant()), resultId).update();
			return true;
		}
		catch (LeadAuthorities.Unavailable e) {
			Outbox.Failure f = outbox.failed(resultId, e.getMessage());
			log.warn("result {} to the lead of {} failed (attempt {}), retried in {}: {}", resultId, row[0], f.attempts(),
					f.pause(), f.error());
			return false;
		}
	}

	private LocalDate validUntil(String licenceNumber) {
		return licenceNumber == null ? null : licences.find(licenceNumber).map(Licence::validUntil).orElse(null);
	}

	/** The documents whose content is valid base64 of an accepted type, by code; the others as errors. */
	private Map<String, IntegratedApplications.Upload> decode(List<Document> documents, List<FieldMessage> errors) {
		Map<String, IntegratedApplications.Upload> out = new LinkedHashMap<>();
		if (documents == null) {
			return out;
		}
		for (Document d : documents) {
			String field = "documents." + d.code();
			try {
				byte[] bytes = Base64.getDecoder().decode(d.content() == null ? "" : d.content());
				org.tongban.shared.Uploads.check(field, d.filename(), bytes.length,
						new org.springframework.core.io.ByteArrayResource(bytes), org.tongban.shared.Uploads.APPLICATION_MATERIALS);
				out.put(d.code(), new IntegratedApplications.Upload(d.filename(), bytes));
			}
			catch (IllegalArgumentException e) {
				errors.add(new FieldMessage(field, "材料内容不是有效的 Base64 编码。"));
			}
			catch (Problem p) {
				if (p.errors().isEmpty()) {
					errors.add(new FieldMessage(field, p.detail()));
				}
				errors.addAll(p.errors());
			}
		}
		return out;
	}

	private Optional<Part> part(UUID caseId) {
		return parts("case_id = ?", caseId).stream().findFirst();
	}

	private List<Part> parts(String where, Object... params) {
		return jdbc.sql("""
				SELECT p.*, r.status AS result_status, r.attempts, r.last_error, r.sent_at FROM integrated_partner_part p
				LEFT JOIN integrated_partner_result r ON r.part_id = p.id""" + " WHERE p." + where
				+ " ORDER BY p.received_at DESC, p.item_code LIMIT 200")
			.params(params)
			.query((rs, i) -> new Part(rs.getObject("id", UUID.class), rs.getString("package_code"),
					leads.name(rs.getString("package_code")), rs.getString("reference"), rs.getString("item_code"),
					rs.getString("item_name"), rs.getObject("case_id", UUID.class), rs.getString("case_number"),
					rs.getTimestamp("received_at").toInstant(), rs.getString("result_status"), rs.getInt("attempts"),
					rs.getString("last_error"),
					rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()))
			.list();
	}

	/** Runs {@link #retryDue} every minute on one instance. */
	@org.springframework.stereotype.Component
	@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "tongban.scheduling.enabled",
			havingValue = "true", matchIfMissing = true)
	static class Schedule {

		private final PartnerParts parts;

		Schedule(PartnerParts parts) {
			this.parts = parts;
		}

		@org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "${tongban.integrated.leads.retry-every:PT1M}",
				initialDelayString = "PT1M")
		@net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "integrated-partner-result", lockAtMostFor = "PT30M")
		void run() {
			parts.retryDue();
		}
	}
}
