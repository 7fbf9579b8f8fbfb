package org.tongban.supervision.web;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.supervision.CreditReportPdf;
import org.tongban.supervision.CreditReports;
import org.tongban.supervision.Register;

/**
 * 专用信用报告 pages: the enterprise asks for one for its own entity and lists its reports; a report's page with its
 * PDF; the public verification page the QR code opens.
 */
@Controller
class CreditReportPages {

	private final CreditReports reports;
	private final CreditReportPdf pdf;
	private final Register register;
	private final CreditReportApi api;

	CreditReportPages(CreditReports reports, CreditReportPdf pdf, Register register, CreditReportApi api) {
		this.reports = reports;
		this.pdf = pdf;
		this.register = register;
		this.api = api;
	}

	@GetMapping("/supervision/credit-reports")
	@PreAuthorize("hasRole('ENTERPRISE')")
	String form(@AuthenticationPrincipal SignedInUser me, Model model) {
		return form(me, model, "", 3, Map.of());
	}

	@PostMapping("/supervision/credit-reports")
	@PreAuthorize("hasRole('ENTERPRISE')")
	String issue(@RequestParam(required = false) String purpose, @RequestParam(required = false) String years,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		Integer y;
		try {
			y = years == null || years.isBlank() ? null : Integer.valueOf(years.strip());
		}
		catch (NumberFormatException e) {
			return form(me, model, purpose, 3, Map.of("years", "报告期为 1 至 3 年"));
		}
		try {
			CreditReportApi.ownedOrStaff(me.uscc(), me);
			CreditReports.Report r = reports.issue(new CreditReports.Request(me.uscc(), purpose, y), me.username());
			return "redirect:/supervision/credit-reports/" + r.id();
		}
		catch (Problem p) {
			if (p.errors().isEmpty()) {
				throw p;
			}
			return form(me, model, purpose, y == null ? 3 : y, p.errors().stream()
				.collect(Collectors.toMap(FieldMessage::field, FieldMessage::message, (a, b) -> a)));
		}
	}

	@GetMapping("/supervision/credit-reports/{id}")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	String page(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		CreditReports.Report r = CreditReportApi.readable(reports, id, me);
		model.addAttribute("r", r);
		model.addAttribute("c", r.content());
		model.addAttribute("verifyUrl", pdf.verifyUrl(r));
		return "supervision/credit-report";
	}

	@GetMapping("/supervision/credit-reports/{id}/pdf")
	@PreAuthorize("hasAnyRole('ENTERPRISE', 'SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return CreditReportApi.pdfResponse(CreditReportApi.readable(reports, id, me), pdf);
	}

	@GetMapping("/public/credit-reports/{number}")
	String verify(@PathVariable String number, @RequestParam(name = "c", required = false) String code,
			HttpServletRequest request, Model model) {
		model.addAttribute("number", number);
		if (code == null || code.isBlank()) {
			return "supervision/credit-report-verify";
		}
		model.addAttribute("code", code);
		try {
			model.addAttribute("v", api.verification(number, code, request));
		}
		catch (Problem p) {
			if (p.status().value() != 404) {
				throw p;
			}
			model.addAttribute("error", CreditReportApi.NOT_FOUND);
		}
		return "supervision/credit-report-verify";
	}

	private String form(SignedInUser me, Model model, String purpose, int years, Map<String, String> errors) {
		String uscc = me.uscc() == null ? "" : me.uscc();
		model.addAttribute("entity", register.find(uscc.strip().toUpperCase()).orElseThrow(
				() -> Problem.notFound("监管对象名录中没有本单位，暂不能出具专用信用报告。")));
		model.addAttribute("reports", reports.of(uscc));
		model.addAttribute("purpose", purpose == null ? "" : purpose);
		model.addAttribute("years", years);
		model.addAttribute("errors", errors);
		return "supervision/credit-reports";
	}
}
