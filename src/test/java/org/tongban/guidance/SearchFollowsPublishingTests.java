package org.tongban.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.GuideEditing;
import org.tongban.identity.SignedInUser;

/** What the catalogue publishes is what people find: the index follows every publish, and only it. */
@SpringBootTest
class SearchFollowsPublishingTests {

	// 中医医疗机构设置审批: no other test edits it
	private static final String ITEM = "PD-WJW-XK-016";

	@Autowired
	GuideSearch search;

	@Autowired
	GuideEditing editing;

	@Autowired
	UserDetailsService users;

	private SignedInUser user(String username) {
		return (SignedInUser) users.loadUserByUsername(username);
	}

	@Test
	void aNewKeywordIsFoundOnceTheGuideIsPublishedNotWhileItIsADraft() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		String question = "杏林春暖七四一号国医堂";
		int live = catalogue.published(ITEM).orElseThrow().version();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(searchedVersion()).isEqualTo(live));

		int draft = editing.createDraft(user("tcm"), ITEM).version();
		GuideContent content = editing.updateDraft(user("tcm"), ITEM, draft, withKeyword(ITEM, draft, question))
				.content();
		assertThat(content.keywords()).contains(question);
		editing.submit(user("tcm"), ITEM, draft);
		search.awaitIdle(1, TimeUnit.MINUTES);
		assertThat(searchedVersion()).isEqualTo(live);

		editing.publish(user("leader"), ITEM, draft);
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(searchedVersion()).isEqualTo(draft));
		search.awaitIdle(1, TimeUnit.MINUTES);
		assertThat(search.search(question, 5)).extracting(SearchHit::code).contains(ITEM);
	}

	@Autowired
	SearchDocuments store;

	@Autowired
	org.tongban.catalogue.Catalogue catalogue;

	private int searchedVersion() {
		return store.version(ITEM);
	}

	private GuideContent withKeyword(String code, int version, String keyword) {
		GuideContent c = catalogue.version(code, version).orElseThrow().content();
		List<String> keywords = new ArrayList<>(c.keywords());
		keywords.add(keyword);
		return new GuideContent(c.name(), c.powersListEntry(), c.legalBasis(), c.statutoryDays(), c.promisedDays(),
				c.immediate(), c.fee(), c.channels(), c.noticeCommitment(), keywords, c.situationQuestions(),
				c.situations(), c.processSteps(), c.faqs(), c.licence(), c.retentionYears(), c.timeLimits(), c.form());
	}
}
