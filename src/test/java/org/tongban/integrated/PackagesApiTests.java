package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** The public API: packages, answers → merged form, material list and figures, and the two PDFs. */
class PackagesApiTests extends IntegratedIntegrationTest {

	@Test
	void anyoneListsThePackagesWithTheirWholeJourney() throws Exception {
		mvc.perform(get("/api/integrated/packages")).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code", hasItems("DENTAL_CLINIC", "MEDICAL_BEAUTY", "ELDERLY_CARE",
					"SHOPPING_CENTRE", "SWIMMING_VENUE")))
			.andExpect(jsonPath("$.items[?(@.code == 'DENTAL_CLINIC')].role").value("LEAD"))
			.andExpect(jsonPath("$.items[?(@.code == 'SWIMMING_VENUE')].role").value("COOPERATING"))
			.andExpect(jsonPath("$.items[?(@.code == 'SWIMMING_VENUE')].items[*].authority", hasItem("浦东新区体育局")));
		mvc.perform(get("/api/integrated/packages/DENTAL_CLINIC")).andExpect(status().isOk())
			.andExpect(jsonPath("$.itemCode").value("PD-WJW-XK-027"))
			.andExpect(jsonPath("$.validity.rule").value("COMMON_TERM"));
		mvc.perform(get("/api/integrated/packages/NO_SUCH")).andExpect(status().isNotFound());
	}

	@Test
	void answersGiveTheMergedFormMaterialsAndFigures() throws Exception {
		mvc.perform(post("/api/integrated/packages/DENTAL_CLINIC/answers").contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("answers", dentalWithXray())))).andExpect(status().isOk())
			.andExpect(jsonPath("$.packageCode").value("DENTAL_CLINIC"))
			.andExpect(jsonPath("$.items[*].itemCode", hasItems("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008")))
			.andExpect(jsonPath("$.fields[?(@.name == 'institutionName')].feeds[*].item",
					hasItems("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008")))
			.andExpect(jsonPath("$.materials[?(@.code == 'BUSINESS-LICENCE')].items[*]",
					hasItems("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008")))
			.andExpect(jsonPath("$.figures.integratedFields").isNumber())
			.andExpect(jsonPath("$.figures.totalReductionPercent").isNumber());
	}

	@Test
	void contradictoryOrWrongAnswersAre400WithEachNamed() throws Exception {
		Map<String, Object> contradictory = new HashMap<>(dentalWithXray());
		contradictory.put("xray", false);
		contradictory.put("radiationStaffNew", false);
		contradictory.put("cbct", true);
		mvc.perform(post("/api/integrated/packages/DENTAL_CLINIC/answers").contentType(MediaType.APPLICATION_JSON)
			.content(write(contradictory))).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type", containsString("contradictory-answers")))
			.andExpect(jsonPath("$.detail", containsString("CBCT")));

		Map<String, Object> wrong = new HashMap<>(dentalWithXray());
		wrong.put("chairs", 0);
		wrong.put("cbct", "也许");
		mvc.perform(post("/api/integrated/packages/DENTAL_CLINIC/answers").contentType(MediaType.APPLICATION_JSON)
			.content(write(wrong))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", hasItems("chairs", "cbct")));
	}

	@Test
	void theManualAndTheBookletOpenAndSayWhatTheyShould() throws Exception {
		byte[] manual = mvc.perform(get("/api/integrated/packages/DENTAL_CLINIC/manual.pdf"))
			.andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn().getResponse().getContentAsByteArray();
		String manualText = text(manual).replaceAll("\\s", "");
		assertThat(manualText).contains("口腔诊所行业综合许可操作手册", "综合许可要素", "新办", "变更", "注销", "补证",
				"放射诊疗许可", "浦东新区市场监督管理局", "承诺10个工作日", "依据条文待法制审核");

		byte[] booklet = mvc.perform(get("/api/integrated/packages/SWIMMING_VENUE/booklet.pdf"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		String bookletText = text(booklet);
		IndustryPackage swimming = packages.published("SWIMMING_VENUE").orElseThrow();
		for (IndustryPackage.Obligation o : swimming.obligations()) {
			assertThat(bookletText.replaceAll("\\s", "")).contains(normal(o.title()).replaceAll("\\s", ""));
		}
		assertThat(bookletText).contains("公共场所卫生管理条例");

		mvc.perform(get("/api/integrated/packages/SWIMMING_VENUE/booklet")).andExpect(status().isOk())
			.andExpect(jsonPath("$.obligations[0].basis").isNotEmpty())
			.andExpect(jsonPath("$.legalReviewPending").value(true));
		mvc.perform(get("/api/integrated/packages/SWIMMING_VENUE/booklet").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk()).andExpect(content().string(containsString("游泳馆一册告知")));
	}

	private static String text(byte[] pdf) throws Exception {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// the font maps some characters to their Kangxi radical forms (⼝ for 口): compare what readers see
			return normal(new PDFTextStripper().getText(doc));
		}
	}

	private static String normal(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC)
			.replace('⻔', '门').replace('⻓', '长').replace('⻛', '风').replace('⻋', '车');
	}
}
