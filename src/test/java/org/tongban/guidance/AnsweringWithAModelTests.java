package org.tongban.guidance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;

import com.github.tomakehurst.wiremock.WireMockServer;

import tools.jackson.databind.json.JsonMapper;

/**
 * With a model configured, its wording is used only when the grounding check finds every material, figure
 * and title in the cited guide; otherwise, and when the model fails or is slow, the extractive answer is.
 */
@SpringBootTest
class AnsweringWithAModelTests {

	private static final String QUESTION = "换医院了护士证怎么办";
	private static final String EXTRACTIVE = "根据“护士执业注册”办事指南";

	static final WireMockServer model = new WireMockServer(options().dynamicPort());

	static {
		model.start();
	}

	@DynamicPropertySource
	static void modelEndpoint(DynamicPropertyRegistry registry) {
		registry.add("tongban.assistant.llm.base-url", () -> model.baseUrl() + "/v1/");
		registry.add("tongban.assistant.llm.model", () -> "test-model");
		registry.add("tongban.assistant.llm.api-key", () -> "test-key");
		registry.add("tongban.assistant.llm.timeout", () -> "PT1S");
	}

	@AfterAll
	static void stopModel() {
		model.stop();
	}

	@Autowired
	Assistant assistant;

	@Autowired
	GuideSearch search;

	@Autowired
	JsonMapper json;

	@Autowired
	Catalogue catalogue;

	@BeforeEach
	void indexed() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
		model.resetAll();
	}

	private void modelSays(String content) {
		String body = json.writeValueAsString(Map.of("choices",
				List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", content)))));
		model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(okJson(body)));
	}

	@Test
	void aCorrectAnswerOfTheModelIsUsed() {
		// other tests publish new versions of this guide: the right answer is the one of what is published now
		Guide guide = catalogue.published("PD-WJW-XK-001").orElseThrow();
		String reply = "换医院需办理变更注册，需要申请人居民身份证、护士执业注册申请审核表和护士执业证书[1]。"
				+ "承诺" + guide.promisedDays() + "个工作日办结[2]。收费：" + guide.fee() + "[3]。";
		modelSays(reply);
		Answer answer = assistant.ask(QUESTION);
		assertThat(answer.answer()).isEqualTo(reply);
		assertThat(answer.grounded()).isTrue();
		assertThat(answer.citations().get(0).code()).isEqualTo("PD-WJW-XK-001");
		assertThat(answer.statements().get(0).citations()).containsExactly(1);
		assertThat(answer.statements().get(0).text()).doesNotContain("[1]");
		model.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
			.withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer test-key")));
	}

	@Test
	void aMaterialFromAnotherGuideFallsBackToTheGuidesOwnWords() {
		modelSays("换医院需办理变更注册，需要护士执业证书和医疗机构执业许可证[1]。");
		Answer answer = assistant.ask(QUESTION);
		assertThat(answer.answer()).startsWith(EXTRACTIVE).doesNotContain("医疗机构执业许可证");
		assertThat(answer.grounded()).isTrue();
	}

	@Test
	void anInventedDocumentOrTitleFallsBack() {
		modelSays("换医院需提交无犯罪记录证明[1]。");
		assertThat(assistant.ask(QUESTION).answer()).startsWith(EXTRACTIVE);
		modelSays("换医院需依照《护士变更注册办法》办理[1]。");
		assertThat(assistant.ask(QUESTION).answer()).startsWith(EXTRACTIVE);
	}

	@Test
	void anInventedTimeLimitFallsBack() {
		modelSays("换医院需办理变更注册，承诺97个工作日办结[2]。");
		assertThat(assistant.ask(QUESTION).answer()).startsWith(EXTRACTIVE);
		modelSays("换医院需办理变更注册，九十七个工作日办结[2]。");
		assertThat(assistant.ask(QUESTION).answer()).startsWith(EXTRACTIVE);
	}

	@Test
	void markersAfterTheFullStopBelongToTheirSentence() {
		assertThat(Assistant.statements("需要护士执业证书。[1][3]不收费。[3]", 4))
			.containsExactly(new Answer.Statement("需要护士执业证书。", java.util.List.of(1, 3)),
					new Answer.Statement("不收费。", java.util.List.of(3)));
	}

	@Test
	void aSentenceWithoutItsSourceFallsBack() {
		modelSays("换医院需办理变更注册[1]。不收费。");
		assertThat(assistant.ask(QUESTION).answer()).startsWith(EXTRACTIVE);
	}

	@Test
	void aModelThatFailsOrIsSlowFallsBack() {
		model.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(500)));
		Answer failed = assistant.ask(QUESTION);
		assertThat(failed.answer()).startsWith(EXTRACTIVE);
		assertThat(failed.grounded()).isTrue();

		model.stubFor(post(urlEqualTo("/v1/chat/completions"))
			.willReturn(okJson("{\"choices\":[{\"message\":{\"content\":\"不收费[3]。\"}}]}").withFixedDelay(3000)));
		// the model's late answer would be accepted (it cites its source): only the timeout can reject it
		Answer slow = assistant.ask(QUESTION);
		assertThat(slow.answer()).startsWith(EXTRACTIVE);
	}

	@Test
	void offTopicQuestionsNeverReachTheModel() {
		modelSays("明天晴[1]。");
		assertThat(assistant.ask("明天天气怎么样").answer()).contains("没有找到");
		model.verify(0, postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}
}
