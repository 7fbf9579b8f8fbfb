package org.tongban.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongban.cases.Case;
import org.tongban.cases.DecisionNotice;
import org.tongban.cases.TimelineEntry;

/**
 * The notices and decisions of a case as documents: the same text in the archive package and in the copy the
 * applicant downloads. A refusal, denial or revocation is the written decision the applicant received, word for
 * word; any other notice states the step, its time and its reason.
 */
final class CaseDocuments {

	private CaseDocuments() {
	}

	static PdfDocuments.Doc of(Case c, TimelineEntry t, DocumentKind kind, Optional<DecisionNotice> written,
			String actorName) {
		return written.map(n -> decision(c, t, n, actorName)).orElseGet(() -> notice(c, t, kind.title(), actorName));
	}

	/** The case's 办件编号 (a case submitted before numbering has its internal id). */
	static String number(Case c) {
		return c.number() != null ? c.number() : c.id().toString();
	}

	/**
	 * What the window hands a walk-in applicant: that their application was received, with the number and the
	 * query code to follow it at /track, and the materials received.
	 */
	static PdfDocuments.Doc receipt(Case c, TimelineEntry submitted, String clerkName, String trackUrl) {
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		rows.add(Map.entry("办件编号", number(c)));
		rows.add(Map.entry("查询码", c.queryCode() == null ? "—" : c.queryCode()));
		rows.add(Map.entry("事项", c.itemName() + "（" + c.itemCode() + "）"));
		rows.add(Map.entry("办理情形", c.situationName() == null ? "—" : c.situationName()));
		rows.add(Map.entry("申请人", c.applicant().name()));
		rows.add(Map.entry("收件人", clerkName));
		rows.add(Map.entry("收件时间", PdfDocuments.time(submitted.at())));
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("本机关已收到您的申请材料。是否受理，将在法定期限内书面告知。");
		List<String> received = new ArrayList<>();
		c.materials().forEach(m -> received.add(m.material() + "（电子件）"));
		c.paperMaterials().forEach(m -> received.add(m.material() + "（纸质原件）"));
		paragraphs.add("收到的材料：" + (received.isEmpty() ? "无" : String.join("；", received)));
		paragraphs.add("凭办件编号和查询码可在 " + trackUrl + " 查询办理进度。");
		return new PdfDocuments.Doc(DocumentKind.RECEIPT.title(), rows, paragraphs);
	}

	static PdfDocuments.Doc notice(Case c, TimelineEntry t, String title, String actorName) {
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		rows.add(Map.entry("办件编号", number(c)));
		rows.add(Map.entry("事项", c.itemName() + "（" + c.itemCode() + "）"));
		rows.add(Map.entry("申请人", c.applicant().name()));
		rows.add(Map.entry("办理环节", t.actionLabel()));
		rows.add(Map.entry("办件状态", t.statusLabel()));
		rows.add(Map.entry("经办人", actorName));
		rows.add(Map.entry("时间", PdfDocuments.time(t.at())));
		List<String> paragraphs = new ArrayList<>();
		if (!t.items().isEmpty()) {
			// art. 32: the correction notice names everything to be corrected, at once
			paragraphs.add("需要补正的全部内容：");
			int n = 1;
			for (String item : t.items()) {
				paragraphs.add(n++ + ". " + item);
			}
		}
		paragraphs.add(("withdraw".equals(t.action()) ? "撤回原因：" : "说明：") + (t.reason() == null ? "无" : t.reason()));
		return new PdfDocuments.Doc(title, rows, paragraphs);
	}

	/** A refusal, denial or revocation: the text the applicant was sent, under the case's particulars. */
	static PdfDocuments.Doc decision(Case c, TimelineEntry t, DecisionNotice n, String actorName) {
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		rows.add(Map.entry("办件编号", number(c)));
		rows.add(Map.entry("事项", c.itemName() + "（" + c.itemCode() + "）"));
		rows.add(Map.entry("申请人", c.applicant().name()));
		rows.add(Map.entry("经办人", actorName));
		rows.add(Map.entry("时间", PdfDocuments.time(t.at())));
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add(n.addressee() + "：");
		paragraphs.add(n.decision());
		paragraphs.add("理由：" + n.reasons());
		paragraphs.add("依据：" + n.basis());
		paragraphs.add("权利告知：" + n.rights());
		paragraphs.add(n.authority());
		paragraphs.add(PdfDocuments.DATE.format(n.date()));
		return new PdfDocuments.Doc(n.title(), rows, paragraphs);
	}
}
