package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Packages are versioned like guides: a division drafts, a second person publishes, old versions stay readable. */
class PublishingAPackageTests extends IntegratedIntegrationTest {

	@Test
	@SuppressWarnings("unchecked")
	void aDraftIsPublishedByASecondPersonAndTheOldVersionStaysReadable() throws Exception {
		mvc.perform(post("/api/integrated/packages/MEDICAL_BEAUTY/drafts").with(basic("biomed")))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.status").value("DRAFT"));
		// one version in the works at a time
		mvc.perform(post("/api/integrated/packages/MEDICAL_BEAUTY/drafts").with(basic("biomed")))
			.andExpect(status().isConflict());

		Map<String, Object> content = contentOf("MEDICAL_BEAUTY", 2);
		content.put("summary", "第二版：新增说明");
		mvc.perform(put("/api/integrated/packages/MEDICAL_BEAUTY/drafts/2").with(basic("biomed"))
			.contentType(MediaType.APPLICATION_JSON).content(write(content))).andExpect(status().isOk());
		mvc.perform(get("/api/integrated/packages/MEDICAL_BEAUTY"))
			.andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.summary", containsString("开办医疗美容门诊部")));
		// anonymous callers never see the draft
		mvc.perform(get("/api/integrated/packages/MEDICAL_BEAUTY/versions/2")).andExpect(status().isNotFound());

		mvc.perform(post("/api/integrated/packages/MEDICAL_BEAUTY/drafts/2/submit").with(basic("biomed")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"));
		// a division's staff outside planning cannot review
		mvc.perform(post("/api/integrated/packages/MEDICAL_BEAUTY/drafts/2/publish").with(basic("biomed")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/integrated/packages/MEDICAL_BEAUTY/drafts/2/publish").with(basic("planning")))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
			.andExpect(jsonPath("$.reviewer").value("planning"));

		mvc.perform(get("/api/integrated/packages/MEDICAL_BEAUTY")).andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.summary").value("第二版：新增说明"));
		mvc.perform(get("/api/integrated/packages/MEDICAL_BEAUTY/versions/1")).andExpect(status().isOk())
			.andExpect(jsonPath("$.summary", containsString("开办医疗美容门诊部")));
		mvc.perform(get("/api/integrated/packages/MEDICAL_BEAUTY/versions"))
			.andExpect(jsonPath("$[*].status", hasItem("SUPERSEDED")));
		assertThat(packages.version("MEDICAL_BEAUTY", 1)).get().extracting(IndustryPackage::version).isEqualTo(1);
	}

	@Test
	void theAuthorCannotPublishTheirOwnDraft() throws Exception {
		mvc.perform(post("/api/integrated/packages/SWIMMING_VENUE/drafts").with(basic("admin")))
			.andExpect(status().isCreated());
		mvc.perform(post("/api/integrated/packages/SWIMMING_VENUE/drafts/2/submit").with(basic("admin")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/integrated/packages/SWIMMING_VENUE/drafts/2/publish").with(basic("admin")))
			.andExpect(status().isForbidden()).andExpect(jsonPath("$.type", containsString("second-person-required")));
		mvc.perform(post("/api/integrated/packages/SWIMMING_VENUE/drafts/2/reject").with(basic("leader"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/integrated/packages/SWIMMING_VENUE/drafts/2/reject").with(basic("leader"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请补充救生员要求的依据\"}"))
			.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
			.andExpect(jsonPath("$.rejectReason").value("请补充救生员要求的依据"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aPackageNamingUnknownItemsQuestionsOrFeedsIsRefusedAtSave() throws Exception {
		// another division may not draft the public-health division's package
		mvc.perform(post("/api/integrated/packages/SHOPPING_CENTRE/drafts").with(basic("biomed")))
			.andExpect(status().isForbidden());
		mvc.perform(post("/api/integrated/packages/SHOPPING_CENTRE/drafts").with(basic("publichealth")))
			.andExpect(status().isCreated());
		Map<String, Object> content = contentOf("SHOPPING_CENTRE", 2);
		List<Map<String, Object>> items = new ArrayList<>((List<Map<String, Object>>) content.get("items"));
		Map<String, Object> unknown = new LinkedHashMap<>();
		unknown.put("key", "PD-WJW-XK-999");
		unknown.put("itemCode", "PD-WJW-XK-999");
		unknown.put("situation", "NEW");
		unknown.put("name", "不存在的事项");
		unknown.put("when", List.of(Map.of("question", "parking", "equals", true)));
		items.add(unknown);
		content.put("items", items);
		List<Map<String, Object>> fields = (List<Map<String, Object>>) content.get("fields");
		fields.get(0).put("feeds", List.of(Map.of("item", "PD-WJW-XK-404", "field", "unitName")));
		mvc.perform(put("/api/integrated/packages/SHOPPING_CENTRE/drafts/2").with(basic("publichealth"))
			.contentType(MediaType.APPLICATION_JSON).content(write(content)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("事项目录中没有编号为“PD-WJW-XK-999”的事项"))))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("不存在的问题“parking”"))))
			.andExpect(jsonPath("$.errors[*].message", hasItem(containsString("PD-WJW-XK-404"))));
		// nothing was saved
		assertThat(packages.version("SHOPPING_CENTRE", 2).orElseThrow().items())
			.noneMatch(i -> "PD-WJW-XK-999".equals(i.key()));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> contentOf(String code, int version) {
		return json.convertValue(packages.version(code, version).orElseThrow(), Map.class);
	}
}
