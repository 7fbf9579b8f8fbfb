package org.tongban.archive.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.tongban.archive.ApplicantDocuments;
import org.tongban.cases.Case;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.identity.AccessLog;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * The notices, decisions and the window's receipt of a case, for its applicant and the staff whose duty covers
 * it (anyone else: 404). A member of staff's download is a view of the applicant's personal data: logged.
 */
@Controller
class ApplicantDocumentsWeb {

	/** A document as the API lists it, with where to download it. */
	record Listed(int index, String title, java.time.Instant issuedAt, String href) {
	}

	private final ApplicantDocuments documents;
	private final CaseRecords cases;
	private final AccessLog accessLog;

	ApplicantDocumentsWeb(ApplicantDocuments documents, CaseRecords cases, AccessLog accessLog) {
		this.documents = documents;
		this.cases = cases;
		this.accessLog = accessLog;
	}

	@GetMapping(path = "/api/cases/{id}/documents", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	List<Listed> list(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return listed(readable(me, id));
	}

	/** The case page's list of documents (loaded into the page by htmx). */
	@GetMapping("/cases/{id}/documents")
	String fragment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("documents", listed(readable(me, id)));
		return "archive/documents :: documents";
	}

	@GetMapping("/cases/{id}/documents/{index}")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, @PathVariable int index, @AuthenticationPrincipal SignedInUser me) {
		Case c = readable(me, id);
		ApplicantDocuments.Rendered document = documents.render(c, index);
		String title = document.title();
		if (!me.username().equals(c.applicant().owner())) {
			accessLog.viewed(me.username(), "case", c.id().value(), title + "（申请人姓名、证件号）", "下载办件文书");
		}
		String number = c.number() != null ? c.number() : c.id().toString();
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(number + "-" + title + ".pdf", StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(document.pdf());
	}

	private Case readable(SignedInUser me, UUID id) {
		return cases.readable(me, new CaseId(id)).orElseThrow(() -> Problem.notFound("未找到该办件。"));
	}

	private List<Listed> listed(Case c) {
		return documents.list(c).stream().map(e -> new Listed(e.index(), e.title(), e.issuedAt(),
				"/cases/" + c.id().value() + "/documents/" + e.index())).toList();
	}
}
