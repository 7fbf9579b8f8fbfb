package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.catalogue.GuideContent.FormField;
import org.tongban.shared.FieldMessage;

/** A table field (a staff or equipment list) is checked row by row, cell by cell, and each wrong cell is named. */
class TableFieldsTests {

	static final List<FormField> FORM = List.of(
			new FormField("phone", "联系电话", "phone", true, null, null, null, null, null, null, "13800000000"),
			new FormField("staff", "人员名单", "table", true, null, null, null, null, null, null, null, List.of(
					column("name", "姓名", "text", true, "张三"),
					column("idNumber", "身份证号", "idNumber", true, "310115199002201222"),
					column("certificateNumber", "执业证书编号", "text", false, "110310000001"),
					new FormField("category", "执业类别", "choice", true, null, null, null, List.of("临床", "口腔"), null, null,
							"口腔"),
					new FormField("years", "从业年限", "number", false, null, BigDecimal.ZERO, BigDecimal.valueOf(60), null,
							null, null, null)),
					2, 3));

	@Test
	void theSampleFillsTheLeastRowsAndPasses() {
		Map<String, String> sample = ItemForms.samples(FORM);
		assertThat(FormTables.rows(sample.get("staff")).orElseThrow()).hasSize(2);
		assertThat(ItemForms.check(FORM, sample, true)).isEmpty();
	}

	@Test
	void eachWrongCellIsNamedByRowAndColumnInChinese() {
		String rows = FormTables.text(List.of(
				Map.of("name", "张三", "idNumber", "310115199002201222", "category", "口腔"),
				Map.of("name", "李四", "idNumber", "310115199002201222", "category", "口腔", "years", "多年"),
				// GB 11643-1999: the eighteenth character checks the first seventeen (…1222 is right)
				Map.of("idNumber", "310115199002201223", "category", "外科")));
		List<FieldMessage> errors = ItemForms.check(FORM, Map.of("phone", "13800000000", "staff", rows), true);
		assertThat(errors).extracting(FieldMessage::field).containsExactly("form.staff[1].years", "form.staff[2].name",
				"form.staff[2].idNumber", "form.staff[2].category");
		assertThat(errors.get(0).message()).isEqualTo("“人员名单”第 2 行：“从业年限”应填写数字。");
		assertThat(errors.get(1).message()).isEqualTo("“人员名单”第 3 行：请填写“姓名”。");
		assertThat(errors.get(2).message()).startsWith("“人员名单”第 3 行：“身份证号”有误");
		assertThat(errors.get(3).message()).contains("应从下列选项中选择：临床、口腔");
	}

	@Test
	void rowCountsUnknownColumnsAndTextThatIsNotATableAreRefused() {
		Map<String, String> row = Map.of("name", "张三", "idNumber", "310115199002201222", "category", "口腔");
		assertThat(ItemForms.check(FORM, Map.of("phone", "13800000000", "staff", FormTables.text(List.of(row))), true))
				.extracting(FieldMessage::message).containsExactly("“人员名单”至少填写 2 行。");
		assertThat(ItemForms.check(FORM, Map.of("staff", FormTables.text(List.of(row, row, row, row))), false))
				.extracting(FieldMessage::message).containsExactly("“人员名单”最多填写 3 行。");
		assertThat(ItemForms.check(FORM, Map.of("staff", FormTables.text(List.of(Map.of("nickname", "小张")))), false))
				.extracting(FieldMessage::field).containsExactly("form.staff[0].nickname");
		assertThat(ItemForms.check(FORM, Map.of("staff", "张三、李四"), false))
				.extracting(FieldMessage::field).containsExactly("form.staff");
	}

	@Test
	void aDraftMayHoldHalfFilledRows() {
		assertThat(ItemForms.check(FORM, Map.of("staff", FormTables.text(List.of(Map.of("name", "张三")))), false))
				.isEmpty();
	}

	@Test
	void rowsGivenAsAListAreKeptAsTheirJsonTextAndOnlyForTables() {
		Map<String, String> form = ApplicationForm.parse(
				Map.of("staff", List.of(Map.of("name", "张三"), Map.of("name", " ")), "phone", "13800000000"),
				ItemForms.tables(FORM));
		assertThat(form.get("staff")).isEqualTo("[{\"name\":\"张三\"}]");
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(org.tongban.shared.Problem.class,
				() -> ApplicationForm.parse(Map.of("note", List.of(Map.of("a", "b"))), ItemForms.tables(FORM))).errors())
				.extracting(FieldMessage::field).containsExactly("form.note");
	}

	@Test
	void aPrintedSummaryHasALinePerRow() {
		assertThat(FormTables.lines("[{\"name\":\"张三\",\"post\":\"救生员\"},{\"name\":\"李四\"}]"))
				.containsExactly("第 1 行：name：张三，post：救生员", "第 2 行：name：李四");
		assertThat(FormTables.lines("[不是表格")).containsExactly("[不是表格");
	}

	private static FormField column(String name, String label, String type, boolean required, String sample) {
		return new FormField(name, label, type, required, null, null, null, null, null, null, sample);
	}
}
