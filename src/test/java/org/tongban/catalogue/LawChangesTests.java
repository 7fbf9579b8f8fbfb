package org.tongban.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** When a cited law is repealed its items are flagged for review until a new version is published. */
class LawChangesTests extends CatalogueIntegrationTest {

	static final String FOREIGN = "PD-WJW-XK-011";

	@Test
	void aRepealedLawFlagsItsItemsAndANewPublishClearsTheFlag() throws Exception {
		mvc.perform(post("/api/catalogue/laws/rule-foreign-physicians/status").with(basic("biomed"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"REPEALED\",\"date\":\"2026-01-01\"}"))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/catalogue/laws/rule-foreign-physicians/status").with(basic("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"REPEALED\",\"date\":\"2026-01-01\"}"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.law.status").value("REPEALED"))
				.andExpect(jsonPath("$.flaggedItems[0]").value(FOREIGN));

		mvc.perform(get("/api/catalogue/items").param("type", "LICENSING").param("q", "外籍医师"))
				.andExpect(jsonPath("$[0].code").value(FOREIGN))
				.andExpect(jsonPath("$[0].needsReview").value(true))
				.andExpect(jsonPath("$[0].reviewReason", containsString("外国医师来华短期行医暂行管理办法")));
		mvc.perform(get("/catalogue/licensing")).andExpect(status().isOk())
				.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
						.string(containsString("待复核")));

		mvc.perform(post("/api/catalogue/items/" + FOREIGN + "/drafts").with(basic("biomed")))
				.andExpect(status().isCreated());
		mvc.perform(post("/api/catalogue/items/" + FOREIGN + "/drafts/2/submit").with(basic("biomed")));
		mvc.perform(post("/api/catalogue/items/" + FOREIGN + "/drafts/2/publish").with(basic("planning")))
				.andExpect(status().isOk());
		mvc.perform(get("/api/catalogue/items").param("q", "外籍医师"))
				.andExpect(jsonPath("$[0].needsReview").value(false))
				.andExpect(jsonPath("$[0].version").value(2));
	}

	@Test
	void onlyAmendedOrRepealedWithADateIsAccepted() throws Exception {
		mvc.perform(post("/api/catalogue/laws/law-vaccine/status").with(basic("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"CURRENT\",\"date\":\"2026-01-01\"}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"));
		mvc.perform(post("/api/catalogue/laws/no-such-law/status").with(basic("admin"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"AMENDED\",\"date\":\"2026-01-01\"}"))
				.andExpect(status().isNotFound());
	}
}
