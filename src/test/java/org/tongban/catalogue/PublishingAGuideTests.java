package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** A division drafts a new version of its guide, a second person reviews and publishes it. */
@RecordApplicationEvents
class PublishingAGuideTests extends CatalogueIntegrationTest {

	static final String NURSE = "PD-WJW-XK-001";

	@Test
	@SuppressWarnings("unchecked")
	void aDraftIsReviewedAndPublishedByASecondPersonAndTheOldVersionStaysReadable(ApplicationEvents events)
			throws Exception {
		mvc.perform(post("/api/catalogue/items/" + NURSE + "/drafts").with(basic("biomed")))
				.andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2))
				.andExpect(jsonPath("$.status").value("DRAFT")).andExpect(jsonPath("$.author").value("biomed"));

		Map<String, Object> content = contentOf(NURSE, 2);
		content.put("promisedDays", 4);
		content.put("fee", "不收取任何费用");
		List<Map<String, Object>> situations = (List<Map<String, Object>>) content.get("situations");
		List<Map<String, Object>> materials = (List<Map<String, Object>>) situations.get(0).get("materials");
		materials.get(0).put("name", "护士执业注册申请审核表（2024版）");
		mvc.perform(put("/api/catalogue/items/" + NURSE + "/drafts/2").with(basic("biomed"))
				.contentType(MediaType.APPLICATION_JSON).content(write(content)))
				.andExpect(status().isOk()).andExpect(jsonPath("$.promisedDays").value(4));

		// editing a draft never changes what the public reads
		mvc.perform(get("/api/catalogue/items/" + NURSE)).andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(1)).andExpect(jsonPath("$.fee").value("不收费"));

		mvc.perform(post("/api/catalogue/items/" + NURSE + "/drafts/2/submit").with(basic("biomed")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IN_REVIEW"));
		mvc.perform(get("/api/catalogue/items/" + NURSE)).andExpect(jsonPath("$.version").value(1));
		assertThat(events.stream(GuidePublished.class)).isEmpty();

		mvc.perform(post("/api/catalogue/items/" + NURSE + "/drafts/2/publish").with(basic("leader")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PUBLISHED"))
				.andExpect(jsonPath("$.reviewer").value("leader"));
		assertThat(events.stream(GuidePublished.class)).containsExactly(new GuidePublished(NURSE, 2));

		mvc.perform(get("/api/catalogue/items/" + NURSE)).andExpect(jsonPath("$.version").value(2))
				.andExpect(jsonPath("$.fee").value("不收取任何费用"))
				.andExpect(jsonPath("$.situations[0].materials[0].name").value("护士执业注册申请审核表（2024版）"));
		mvc.perform(get("/api/catalogue/items/" + NURSE + "/versions/1")).andExpect(status().isOk())
				.andExpect(jsonPath("$.status").value("SUPERSEDED")).andExpect(jsonPath("$.fee").value("不收费"));
		assertThat(catalogue.items(ItemType.LICENSING, null, "护士执业注册").get(0).version()).isEqualTo(2);

		String firstSituation = catalogue.version(NURSE, 2).orElseThrow().situations().get(0).code();
		mvc.perform(get("/api/catalogue/items/" + NURSE + "/diff").param("from", "1").param("to", "2"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.changes[?(@.path == 'fee')].before").value("不收费"))
				.andExpect(jsonPath("$.changes[?(@.path == 'fee')].after").value("不收取任何费用"))
				.andExpect(jsonPath("$.changes[*].path",
						hasItem("situations[" + firstSituation + "].materials[0].name")))
				.andExpect(jsonPath("$.changes[*].path", hasItem("promisedDays")));

		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT count(*) FROM identity_audit_entry WHERE subject_type = 'catalogue.guide' AND subject_id = :id")
				.param("id", NURSE + "/v2").query(Long.class).single() >= 4);
	}

	@Test
	void theAuthorCannotPublishTheirOwnDraft() throws Exception {
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-003/drafts").with(basic("admin")))
				.andExpect(status().isCreated());
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-003/drafts/2/submit").with(basic("admin")))
				.andExpect(status().isOk());
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-003/drafts/2/publish").with(basic("admin")))
				.andExpect(status().isForbidden())
				.andExpect(jsonPath("$.type", containsString("second-person-required")))
				.andExpect(jsonPath("$.detail", containsString("第二人审核")));
		assertThat(catalogue.published("PD-WJW-XK-003").orElseThrow().version()).isEqualTo(1);

		// the Planning Division reviews others' drafts, but not a draft of its own item it wrote itself
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-029/drafts").with(basic("planning")))
				.andExpect(status().isCreated());
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-029/drafts/2/submit").with(basic("planning")))
				.andExpect(status().isOk());
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-029/drafts/2/publish").with(basic("planning")))
				.andExpect(status().isForbidden());
		mvc.perform(post("/api/catalogue/items/PD-WJW-XK-029/drafts/2/publish").with(basic("admin")))
				.andExpect(status().isOk());
	}

	@Test
	void aReviewerSendsADraftBackWithAReason() throws Exception {
		String code = "PD-WJW-XK-013";
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts").with(basic("biomed")));
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/submit").with(basic("biomed")));
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/reject").with(basic("planning"))
				.contentType(MediaType.APPLICATION_JSON).content("{}"))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/reject").with(basic("planning"))
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"设定依据须补充条款号\"}"))
				.andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"))
				.andExpect(jsonPath("$.rejectReason").value("设定依据须补充条款号"));
		// a second draft while one is open is refused
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts").with(basic("biomed")))
				.andExpect(status().isConflict());
		// a draft is not published without review
		mvc.perform(post("/api/catalogue/items/" + code + "/drafts/2/publish").with(basic("leader")))
				.andExpect(status().isConflict());
	}
}
