package org.tongban.archive;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.cases.Case;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.Channel;
import org.tongban.cases.TimelineEntry;
import org.tongban.identity.StaffDirectory;
import org.tongban.shared.Problem;

/**
 * The documents an applicant keeps, while the case runs and after: the window's receipt (收件凭证) and every
 * notice and decision they were given, as PDF with the same text the archive package will hold. Each is addressed
 * by the index of its step in the case's timeline, which never changes once written.
 */
@Component
public class ApplicantDocuments {

	/** One document of a case: its step's index, its title and when it was issued. */
	public record Entry(int index, String title, java.time.Instant issuedAt) {
	}

	private final PdfDocuments pdf;
	private final CaseRecords cases;
	private final StaffDirectory staff;
	private final String trackUrl;

	ApplicantDocuments(PdfDocuments pdf, CaseRecords cases, StaffDirectory staff,
			@Value("${tongban.public-url:http://localhost:8080}") String publicUrl) {
		this.pdf = pdf;
		this.cases = cases;
		this.staff = staff;
		this.trackUrl = publicUrl.replaceAll("/+$", "") + "/track";
	}

	public List<Entry> list(Case c) {
		List<Entry> entries = new ArrayList<>();
		List<TimelineEntry> timeline = c.timeline();
		for (int i = 0; i < timeline.size(); i++) {
			int index = i;
			kind(c, timeline.get(i)).ifPresent(k -> entries.add(new Entry(index, k.title(), timeline.get(index).at())));
		}
		return entries;
	}

	/** A rendered document and its title. */
	public record Rendered(String title, byte[] pdf) {
	}

	/** The document of step {@code index}; 404 when that step gives the applicant none. */
	public Rendered render(Case c, int index) {
		List<TimelineEntry> timeline = c.timeline();
		if (index < 0 || index >= timeline.size()) {
			throw notFound();
		}
		TimelineEntry t = timeline.get(index);
		DocumentKind kind = kind(c, t).orElseThrow(ApplicantDocuments::notFound);
		String actor = staff.nameOf(t.actor());
		PdfDocuments.Doc doc = kind == DocumentKind.RECEIPT ? CaseDocuments.receipt(c, t, actor, trackUrl)
				: CaseDocuments.of(c, t, kind, cases.decisionNotice(c, t), actor);
		return new Rendered(kind.title(), pdf.render(doc, t.at(), PdfDocuments.APPLICANT_COPY));
	}

	/** The window's receipt at the submission of a walk-in case; otherwise the notices the applicant is given. */
	private static java.util.Optional<DocumentKind> kind(Case c, TimelineEntry t) {
		if ("submit".equals(t.action())) {
			return c.channel() == Channel.WINDOW ? java.util.Optional.of(DocumentKind.RECEIPT) : java.util.Optional.empty();
		}
		return DocumentKind.of(t).filter(DocumentKind::toApplicant);
	}

	private static Problem notFound() {
		return Problem.notFound("该办理环节没有发给申请人的文书。");
	}
}
