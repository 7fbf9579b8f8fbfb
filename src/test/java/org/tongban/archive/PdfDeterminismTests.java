package org.tongban.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The same document renders to the same bytes, so a rebuilt package is identical. */
class PdfDeterminismTests {

	@Test
	void theSameDocumentRendersToTheSameBytes() {
		PdfDocuments pdf = new PdfDocuments();
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			rows.add(Map.entry("字段" + i, "放射工作人员证申请表（单位盖章）卫生健康委员会" + i));
		}
		PdfDocuments.Doc doc = new PdfDocuments.Doc("办件归档摘要", rows, List.of("办理过程：", "2026年11月23日 草稿（citizen）"));
		java.time.Instant date = java.time.Instant.parse("2026-03-01T02:00:00Z");
		byte[] a = pdf.render(doc, date);
		byte[] b = pdf.render(doc, date);
		assertThat(b).isEqualTo(a);
	}
}
