package org.tongban.catalogue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Anyone reads the catalogue; only the responsible division and administrators change it. */
class ReadingAndAuthorisationTests extends CatalogueIntegrationTest {

	@Test
	void anonymousReadsListsAndPublishedGuides() throws Exception {
		mvc.perform(get("/api/catalogue/items").param("type", "FILING"))
				.andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(10)))
				.andExpect(jsonPath("$[*].type", everyItem(is("FILING"))))
				.andExpect(jsonPath("$[0].code").value("PD-WJW-BA-001"))
				.andExpect(jsonPath("$[0].handlingUnit").exists())
				.andExpect(jsonPath("$[0].needsReview").value(false));
		mvc.perform(get("/api/catalogue/items").param("division", "FAMILY").param("q", "光荣证"))
				.andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].code").value("PD-WJW-GG-001"));
		mvc.perform(get("/api/catalogue/items/PD-WJW-XK-002"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.situations[?(@.code == 'NEW_INTERVENTIONAL')].materials").exists())
				.andExpect(jsonPath("$.situations[0].materials[0].kind").exists())
				.andExpect(jsonPath("$.legalBasis[0].name").exists())
				.andExpect(jsonPath("$.author").doesNotExist());
		mvc.perform(get("/api/catalogue/items/PD-WJW-XK-002").with(basic("clerk")))
				.andExpect(jsonPath("$.author").value("system"));
	}

	@Test
	void anUnknownCodeIsA404ProblemInChinese() throws Exception {
		mvc.perform(get("/api/catalogue/items/PD-WJW-XK-999"))
				.andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("未找到事项编码为“PD-WJW-XK-999”的政务服务事项。"));
		mvc.perform(get("/api/catalogue/items/PD-WJW-XK-002/versions/99")).andExpect(status().isNotFound());
		mvc.perform(get("/catalogue/items/PD-WJW-XK-999")).andExpect(status().isNotFound());
	}

	@Test
	void onlyTheResponsibleDivisionEditsAndNobodyAnonymous() throws Exception {
		String code = "PD-WJW-XK-014";
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts")).andExpect(status().isUnauthorized());
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts").with(basic("citizen")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts").with(basic("medadmin")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail", containsString("责任处室")));
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts").with(basic("biomed")))
				.andExpect(status().isCreated());
		// a draft is staff's work in progress: not for the public
		mvc.perform(get("/api/catalogue/items/" + code + "/versions/2")).andExpect(status().isNotFound());
		mvc.perform(get("/api/catalogue/items/" + code + "/versions/2").with(basic("medadmin")))
				.andExpect(status().isOk());
		mvc.perform(put("/api/catalogue/items/" + code + "/drafts/2").with(basic("citizen"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
		mvc.perform(put("/api/catalogue/items/" + code + "/drafts/2").with(basic("medadmin"))
				.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/submit").with(basic("medadmin")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/submit").with(basic("biomed")))
				.andExpect(status().isOk());
		// an editor outside the reviewers may not publish
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/publish").with(basic("medadmin")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/publish").with(basic("citizen")))
				.andExpect(status().isForbidden());
	}
}
