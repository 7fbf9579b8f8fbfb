package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A draft is saved only when it is consistent, and never with markup in it. */
class CheckingDraftsTests extends CatalogueIntegrationTest {

	static final String WATER = "PD-WJW-XK-004";

	@Test
	@SuppressWarnings("unchecked")
	void aBadDraftIsRefusedFieldByFieldInChineseAndNothingIsSaved() throws Exception {
		int version = draft(WATER);
		Map<String, Object> before = contentOf(WATER, version);

		Map<String, Object> content = contentOf(WATER, version);
		content.put("statutoryDays", 10);
		content.put("promisedDays", 15);
		List<Map<String, Object>> questions = (List<Map<String, Object>>) content.get("situationQuestions");
		List<Map<String, Object>> options = (List<Map<String, Object>>) questions.get(0).get("options");
		options.get(0).remove("situation");
		options.get(0).put("next", "no-such-question");
		put(WATER, version, content)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'promisedDays')].message",
						hasItem(containsString("不能超过法定时限"))))
				.andExpect(jsonPath("$.errors[?(@.field == 'situationQuestions[0].options[0].next')].message",
						hasItem("选项指向的问题“no-such-question”不存在。")));
		assertThat(contentOf(WATER, version)).isEqualTo(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theParticularsALicenceCarriesAreNamedOnceWithFieldsTheFormDoesNotUseOtherwise() throws Exception {
		int version = draft(WATER);
		Map<String, Object> content = contentOf(WATER, version);
		Map<String, Object> licence = (Map<String, Object>) content.get("licence");
		licence.put("particulars", List.of(Map.of("field", "phone", "label", "电话"),
				Map.of("field", "Bad-Field", "label", "生产单位"), Map.of("field", "maker", "label", "生产单位"),
				Map.of("field", "maker", "label", "")));
		put(WATER, version, content)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'licence.particulars[0].field')].message",
						hasItem(containsString("已用于申请表"))))
				.andExpect(jsonPath("$.errors[?(@.field == 'licence.particulars[1].field')].message",
						hasItem(containsString("小写字母开头"))))
				.andExpect(jsonPath("$.errors[?(@.field == 'licence.particulars[2].label')].message",
						hasItem(containsString("重复"))))
				.andExpect(jsonPath("$.errors[?(@.field == 'licence.particulars[3].field')].message",
						hasItem(containsString("重复"))));
		licence.put("particulars", List.of(Map.of("field", "maker", "label", "生产单位")));
		// the item defines its form, so what its licence carries is asked on the form
		put(WATER, version, content).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'licence.particulars[0].field')].message",
						hasItem(containsString("须是申请表的字段"))));
		List<Map<String, Object>> form = new java.util.ArrayList<>((List<Map<String, Object>>) content.get("form"));
		form.add(Map.of("name", "maker", "label", "生产单位", "type", "text", "required", false));
		content.put("form", form);
		put(WATER, version, content).andExpect(status().isOk());
	}

	@Test
	@SuppressWarnings("unchecked")
	void aCycleInTheQuestionTreeIsRefused() throws Exception {
		int version = draft(WATER);
		Map<String, Object> content = contentOf(WATER, version);
		List<Map<String, Object>> questions = (List<Map<String, Object>>) content.get("situationQuestions");
		String root = (String) questions.get(0).get("id");
		questions.add(Map.of("id", "loop-back", "text", "循环问题",
				"options", List.of(Map.of("label", "回到开头", "next", root))));
		List<Map<String, Object>> options = (List<Map<String, Object>>) questions.get(0).get("options");
		options.add(Map.of("label", "进入循环", "next", "loop-back"));
		put(WATER, version, content)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("循环"))));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSituationNoOptionLeadsToIsRefused() throws Exception {
		int version = draft(WATER);
		Map<String, Object> content = contentOf(WATER, version);
		List<Map<String, Object>> situations = (List<Map<String, Object>>) content.get("situations");
		situations.add(Map.of("code", "ORPHAN", "name", "无人到达的情形", "materials", List.of()));
		put(WATER, version, content)
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'situations[ORPHAN]')].message",
						hasItem("办理情形“ORPHAN”没有任何问题选项指向它。")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void htmlInAnyTextIsStrippedOnSave() throws Exception {
		String code = "PD-WJW-XK-012";
		int version = draft(code);
		Map<String, Object> content = contentOf(code, version);
		content.put("fee", "<b>不收费</b><script>alert(1)</script>");
		List<Map<String, Object>> situations = (List<Map<String, Object>>) content.get("situations");
		situations.get(0).put("description", "请携带<a href=\"javascript:alert(1)\">身份证</a> &amp; 照片");
		List<Map<String, Object>> faqs = (List<Map<String, Object>>) content.get("faqs");
		faqs.get(0).put("a", "&lt;img src=x onerror=alert(1)&gt;可以网上办理");
		put(code, version, content).andExpect(status().isOk())
				.andExpect(jsonPath("$.fee").value("不收费"))
				.andExpect(jsonPath("$.situations[0].description").value("请携带身份证 & 照片"))
				.andExpect(jsonPath("$.faqs[0].a").value("可以网上办理"));
	}

	int draft(String code) throws Exception {
		var open = jdbc.sql("SELECT version FROM catalogue_guide WHERE item_code = :c AND status = 'DRAFT'")
				.param("c", code).query(Integer.class).optional();
		if (open.isPresent()) {
			return open.get();
		}
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts").with(basic("biomed")))
				.andExpect(status().isCreated());
		return jdbc.sql("SELECT version FROM catalogue_guide WHERE item_code = :c AND status = 'DRAFT'")
				.param("c", code).query(Integer.class).single();
	}

	org.springframework.test.web.servlet.ResultActions put(String code, int version, Object content)
			throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
				.put("/api/catalogue/items/" + code + "/drafts/" + version).with(basic("biomed"))
				.contentType(MediaType.APPLICATION_JSON).content(write(content)));
	}
}
