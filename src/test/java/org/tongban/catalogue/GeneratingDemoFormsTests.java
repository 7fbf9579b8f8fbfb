package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tongban.catalogue.GuideContent.Material;
import org.tongban.catalogue.GuideContent.Situation;

/** Demo mode's blank forms and samples are made from the guide: read back, they say what they are for. */
class GeneratingDemoFormsTests {

	static final String MATERIAL = "放射诊疗建设项目竣工验收申请表";

	final GuideFormPdf pdf = new GuideFormPdf();

	static Guide guide() {
		Material m = new Material(MATERIAL, "ORIGINAL", 1, true, null, true, true, null, null);
		Situation s = new Situation("NEW", "新办", null, List.of(m), null, null, null, null, null, null);
		return new Guide("PD-WJW-XK-019", "放射诊疗建设项目竣工验收", ItemType.LICENSING, "行政许可", 3,
				GuideStatus.PUBLISHED, "已发布", "BIOMED", "生物医药处", "APPROVAL_CENTRE", "委审批服务中心", null, List.of(),
				20, 10, false, "不收费", null, null, List.of(), List.of(), List.of(s), List.of(), List.of(), null, 30, null, List.of(),
				"system", "system", null, null, Instant.parse("2026-01-05T02:00:00Z"));
	}

	@Test
	void aBlankFormNamesTheMaterialTheItemAndTheGuideVersion() throws Exception {
		byte[] bytes = pdf.render(guide(), MATERIAL, GuideFileKind.BLANK_FORM, Instant.parse("2026-01-05T02:00:00Z"));
		String text = text(bytes);
		assertThat(text).contains(MATERIAL).contains("放射诊疗建设项目竣工验收").contains("PD-WJW-XK-019")
				.contains("姓名/名称").contains("证件号码").contains("联系电话").contains("地址")
				.contains(plain("申请人（签名或盖章）")).contains("日期").contains("本表格依据第 3 版办事指南生成")
				.doesNotContain("示范");
		assertThat(Loader.loadPDF(bytes).getDocumentInformation().getTitle()).isEqualTo(MATERIAL);
	}

	@Test
	void aSampleIsFilledInWithExampleValuesMarkedAsSuch() throws Exception {
		String text = text(pdf.render(guide(), MATERIAL, GuideFileKind.SAMPLE, Instant.parse("2026-01-05T02:00:00Z")));
		assertThat(text).contains(MATERIAL).contains("示范文本").contains("张示范").contains("【示范】")
				.contains("本表格依据第 3 版办事指南生成");
	}

	@Test
	void theSameVersionRendersToTheSameBytes() {
		Instant date = Instant.parse("2026-01-05T02:00:00Z");
		assertThat(pdf.render(guide(), MATERIAL, GuideFileKind.BLANK_FORM, date))
				.isEqualTo(pdf.render(guide(), MATERIAL, GuideFileKind.BLANK_FORM, date));
	}

	/**
	 * The text as read back, comparable with {@link #plain}: Noto Sans SC draws some ideographs with the glyph of a
	 * radical, whose code point the extraction then gives (⽬ for 目, ⻔ for 门), and NFKC folds full-width signs.
	 */
	static String text(byte[] bytes) throws Exception {
		try (PDDocument doc = Loader.loadPDF(bytes)) {
			return plain(new PDFTextStripper().getText(doc));
		}
	}

	static String plain(String s) {
		return Normalizer.normalize(s, Normalizer.Form.NFKC).replace('\u2ed4', '门');
	}
}
