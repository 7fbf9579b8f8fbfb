package org.tongban.supervision.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.shared.RateLimits;
import org.tongban.supervision.CreditReportPdf;
import org.tongban.supervision.CreditReports;

/**
 * 专用信用报告 over HTTP: an enterprise asks for and reads the reports of its own entity (another USCC is not found);
 * supervision planners issue one for any registered entity, planners and inspectors read them; anyone holding the
 * number and the check code verifies one (rate-limited like licence verification).
 */
@RestController
class CreditReportApi {

	/** A report as its holder and the staff see it. */
	record ReportView(UUID id, String number, String checkCode, Instant issuedAt, CreditReports.Content content,
			String signature, String algorithm, String canonicalSm3, String verifyUrl, String pdf) {
	}

	/** What public verification shows: the signed content, and whether the signature still holds. */
	record Verification(String number, boolean signatureValid, String algorithm, String canonicalSm3, String signature,
			String canonical, String publicKey, LocalDate issuedOn, CreditReports.Content content) {
	}

	static final String NOT_FOUND = "未找到与该编号和核验码相符的专用信用报告。";

	private final CreditReports reports;
	private final CreditReportPdf pdf;
	private final RateLimits rateLimits;
	private final RateLimits.Limit limit;

	CreditReportApi(CreditReports reports, CreditReportPdf pdf, RateLimits rateLimits) {
		this.reports = reports;
		this.pdf = pdf;
		this.rateLimits = rateLimits;
		this.limit = rateLimits.limit("credit-report-verify", 30, Duration.ofMinutes(1));
	}

	@PostMapping("/api/supervision/credit-reports")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR')")
	ResponseEntity<ReportView> issue(@RequestBody(required = false) CreditReports.Request body,
			@AuthenticationPrincipal SignedInUser me) {
		CreditReports.Request request = body == null ? new CreditReports.Request(null, null, null) : body;
		ownedOrStaff(request.uscc(), me);
		return ResponseEntity.status(HttpStatus.CREATED).body(view(reports.issue(request, me.username())));
	}

	@GetMapping("/api/supervision/credit-reports")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	List<ReportView> list(@RequestParam(required = false) String uscc, @AuthenticationPrincipal SignedInUser me) {
		String whose = me.has(Role.ENTERPRISE) && !isStaff(me) ? me.uscc() : uscc;
		if (whose == null || whose.isBlank()) {
			throw Problem.invalid("uscc", "请填写统一社会信用代码");
		}
		return reports.of(whose).stream().map(this::view).toList();
	}

	@GetMapping("/api/supervision/credit-reports/{id}")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	ReportView read(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return view(readable(reports, id, me));
	}

	@GetMapping("/api/supervision/credit-reports/{id}/pdf")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return pdfResponse(readable(reports, id, me), pdf);
	}

	@GetMapping("/api/public/credit-reports/{number}")
	Verification verify(@PathVariable String number, @RequestParam(name = "c", required = false) String code,
			HttpServletRequest request) {
		return verification(number, code, request);
	}

	Verification verification(String number, String code, HttpServletRequest request) {
		rateLimits.check(limit, request);
		CreditReports.Report r = reports.verify(number, code).orElseThrow(() -> Problem.notFound(NOT_FOUND));
		return new Verification(r.number(), reports.signatureValid(r), "SM3withSM2", r.canonicalSm3(), r.signature(),
				r.canonical(), reports.publicKeyPem(), r.content().issuedOn(), r.content());
	}

	ReportView view(CreditReports.Report r) {
		return new ReportView(r.id(), r.number(), r.checkCode(), r.issuedAt(), r.content(), r.signature(), "SM3withSM2",
				r.canonicalSm3(), pdf.verifyUrl(r), "/api/supervision/credit-reports/" + r.id() + "/pdf");
	}

	static boolean isStaff(SignedInUser me) {
		return me.has(Role.SUPERVISOR) || me.has(Role.INSPECTOR);
	}

	/** An enterprise only for the USCC its account carries (any other: not found); planners for any. */
	static void ownedOrStaff(String uscc, SignedInUser me) {
		if (me.has(Role.SUPERVISOR)) {
			return;
		}
		String mine = me.uscc() == null ? "" : me.uscc().strip().toUpperCase();
		if (uscc == null || uscc.isBlank()) {
			throw Problem.invalid("uscc", "请填写本单位的统一社会信用代码");
		}
		if (!uscc.strip().toUpperCase().equals(mine)) {
			throw Problem.notFound("只能为本单位（账户登记的统一社会信用代码）出具专用信用报告，未找到该单位。");
		}
	}

	/** The owner enterprise, or supervision staff; anyone else is told it does not exist. */
	static CreditReports.Report readable(CreditReports reports, UUID id, SignedInUser me) {
		return reports.find(id)
			.filter(r -> isStaff(me) || (me.has(Role.ENTERPRISE) && me.uscc() != null
					&& r.content().uscc().equalsIgnoreCase(me.uscc().strip())))
			.orElseThrow(() -> Problem.notFound("未找到这份专用信用报告。"));
	}

	static ResponseEntity<byte[]> pdfResponse(CreditReports.Report r, CreditReportPdf pdf) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename("专用信用报告-" + r.number() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(pdf.render(r));
	}
}
