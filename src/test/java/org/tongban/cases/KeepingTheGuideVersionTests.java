package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.GuideEditing;
import org.tongban.identity.SignedInUser;

/** A case is judged by the guide it was submitted under, whatever is published later. */
class KeepingTheGuideVersionTests extends CasesIntegrationTest {

	/** No other test edits this item's guide. */
	static final String ITEM = "PD-WJW-XK-022";

	@Autowired
	GuideEditing editing;

	@Autowired
	Catalogue catalogue;

	@Autowired
	UserDetailsService users;

	@Test
	void theCaseKeepsItsGuideVersionAfterANewVersionIsPublished() throws Exception {
		int before = catalogue.published(ITEM).orElseThrow().version();
		String id = submitWithMaterials("citizen", citizenBody(ITEM, "NEW", "版本"));

		int draft = editing.createDraft(user("biomed"), ITEM).version();
		editing.submit(user("biomed"), ITEM, draft);
		editing.publish(user("leader"), ITEM, draft);
		assertThat(catalogue.published(ITEM).orElseThrow().version()).isGreaterThan(before);

		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.guideVersion").value(before));
	}

	private SignedInUser user(String username) {
		return (SignedInUser) users.loadUserByUsername(username);
	}
}
