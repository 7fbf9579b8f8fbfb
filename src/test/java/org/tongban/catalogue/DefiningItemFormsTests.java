package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.catalogue.GuideContent.FormField;
import org.tongban.shared.FieldMessage;

/** A guide's form definition is checked like the rest of the guide when a draft is saved or a file loaded. */
class DefiningItemFormsTests {

	@Test
	void aWellFormedFormPasses() {
		assertThat(check(List.of(field("phone", "phone", null), new FormField("chairs", "牙椅数", "number", true, null,
				BigDecimal.ONE, BigDecimal.valueOf(4), null, List.of("NEW"), null, "2"),
				new FormField("kind", "执业类别", "choice", true, null, null, null, List.of("护理", "助产"), null, null, null))))
				.isEmpty();
	}

	@Test
	void unknownTypesDuplicateNamesAndLimitsThatDoNotFitTheTypeAreNamed() {
		List<FieldMessage> errors = check(List.of(field("phone", "telephone", null), field("note", "text", null),
				field("note", "text", null),
				new FormField("kind", "类别", "choice", false, null, null, null, List.of(), null, null, null),
				new FormField("name", "名称", "text", false, null, BigDecimal.ONE, null, null, null, null, null),
				new FormField("count", "人数", "number", false, null, BigDecimal.TEN, BigDecimal.ONE, null, null, null, null),
				new FormField("date", "日期", "date", false, null, null, null, null, List.of("GONE"), null, null),
				field("Bad-Name", "text", null)));
		assertThat(errors).extracting(FieldMessage::field).containsExactly("form[0].type", "form[2].name",
				"form[3].choices", "form[4].min", "form[5].max", "form[6].situations", "form[7].name");
		assertThat(errors.get(0).message()).contains("text、number、date、choice、idNumber、uscc、phone、address 或 table");
	}

	@Test
	void aTableNeedsTypedColumnsNoTableInsideAndRowBoundsThatFit() {
		FormField column = field("idNumber", "idNumber", null);
		assertThat(check(List.of(new FormField("staff", "人员名单", "table", true, null, null, null, null, null, null, null,
				List.of(field("name", "text", null), column), 1, 50)))).isEmpty();
		List<FieldMessage> errors = check(List.of(
				new FormField("staff", "人员名单", "table", true, null, null, null, null, null, null, null, List.of(), null, null),
				new FormField("kit", "设备", "table", false, null, null, null, null, null, null, null,
						List.of(column, column, new FormField("inner", "内表", "table", false, null, null, null, null, null,
								null, null, List.of(column), null, null)), 5, 2),
				new FormField("note", "说明", "text", false, null, null, null, null, null, null, null, List.of(column), null, 3)));
		assertThat(errors).extracting(FieldMessage::field).containsExactly("form[0].columns", "form[1].maxRows",
				"form[1].columns[1].name", "form[1].columns[2].type", "form[2].columns");
	}

	@Test
	void aNewColumnReadsAsOneAddedColumnInTheDiff() {
		FormField name = field("name", "text", null);
		FormField idNumber = field("idNumber", "idNumber", null);
		GuideContent before = content(List.of(new FormField("staff", "人员名单", "table", true, null, null, null, null, null,
				null, null, List.of(name, idNumber), 1, 50)), null);
		GuideContent after = content(List.of(new FormField("staff", "人员名单", "table", true, null, null, null, null, null,
				null, null, List.of(field("post", "text", null), name, idNumber), 1, 50)), null);
		assertThat(GuideDiffer.diff(before, after, tools.jackson.databind.json.JsonMapper.builder().build()))
				.extracting(GuideDiff.Change::path)
				.containsExactlyInAnyOrder("form[staff].columns[post].name", "form[staff].columns[post].label",
						"form[staff].columns[post].type", "form[staff].columns[post].required");
	}

	@Test
	void aLicencesParticularsMustBeFieldsOfTheForm() {
		GuideContent c = content(List.of(field("phone", "phone", null)),
				new GuideContent.Licence("护士执业证书", "{seq:6}", 5, List.of(new GuideContent.Particular("institution", "执业机构"))));
		assertThat(GuideRules.check(c, Set.of("reg-nurses"))).extracting(FieldMessage::field)
				.contains("licence.particulars[0].field");
	}

	@Test
	void typesAreReadInEitherSpelling() {
		assertThat(FormFieldType.parse("idNumber")).contains(FormFieldType.ID_NUMBER);
		assertThat(FormFieldType.parse("USCC")).contains(FormFieldType.USCC);
		assertThat(FormFieldType.parse("telephone")).isEmpty();
	}

	private static FormField field(String name, String type, List<String> situations) {
		return new FormField(name, name + "的名称", type, false, null, null, null, null, situations, null, null);
	}

	private static List<FieldMessage> check(List<FormField> form) {
		return GuideRules.check(content(form, null), Set.of("reg-nurses")).stream()
				.filter(e -> e.field().startsWith("form")).toList();
	}

	private static GuideContent content(List<FormField> form, GuideContent.Licence licence) {
		GuideContent.Situation s = new GuideContent.Situation("NEW", "首次注册", "说明", List.of(), null, null, null, null,
				null, null);
		return new GuideContent("护士执业注册", new GuideContent.PowersListEntry("310115-WJW-XK-0001", "护士执业注册"),
				List.of(new GuideContent.Citation("reg-nurses", "第七条")), 20, 5, false, "不收费",
				new GuideContent.Channels(true, true, "窗口", "工作日", "12345"), null, List.of("护士证"),
				List.of(new GuideContent.Question("kind", "办理什么？", List.of(new GuideContent.Option("首次", null, "NEW")))),
				List.of(s), List.of(), List.of(), licence, 30, null, form);
	}
}
