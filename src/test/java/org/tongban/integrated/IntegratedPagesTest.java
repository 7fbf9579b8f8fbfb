package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.support.TestClock;
import tools.jackson.databind.JsonNode;

/** What the page tests of 一业一证 share: the apply page's form as a browser posts it, granting, reading back. */
abstract class IntegratedPagesTest extends IntegratedIntegrationTest {

	static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

	@Autowired
	CaseRecords cases;

	@Autowired
	Licences licences;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	TestClock clock;

	// ---- helpers shared with the refusal tests

	static org.springframework.util.LinkedMultiValueMap<String, String> answerParams() {
		org.springframework.util.LinkedMultiValueMap<String, String> answers = new org.springframework.util.LinkedMultiValueMap<>();
		dentalWithXray().forEach((k, v) -> answers.add("q." + k, String.valueOf(v)));
		return answers;
	}

	/** The apply page's form as a browser posts it: answers, every field with its sample, a scan per document. */
	MockMultipartHttpServletRequestBuilder applyForm(MergedApplication merged, String token, String phone,
			String user) throws Exception {
		return applyForm(merged, token, phone, user, Map.of());
	}

	/** The same with some fields ({@code form.<name>}) typed otherwise. */
	MockMultipartHttpServletRequestBuilder applyForm(MergedApplication merged, String token, String phone,
			String user, Map<String, String> typed) throws Exception {
		MockMultipartHttpServletRequestBuilder request = multipart("/integrated/applications");
		request.param("package", "DENTAL_CLINIC").param("token", token).param("phone", phone)
			.param("applicantName", "上海浦东示例口腔门诊部有限公司").params(answerParams());
		for (MergedApplication.MergedField f : merged.fields()) {
			Object v = f.prefilled() != null ? f.prefilled() : f.sample();
			if (v == null) {
				continue;
			}
			if ("table".equals(f.type())) {
				List<Map<String, String>> rows = org.tongban.cases.FormTables.rows(String.valueOf(v)).orElseThrow();
				for (int i = 0; i < rows.size(); i++) {
					int row = i;
					rows.get(i).forEach((col, cell) -> request.param("form." + f.name() + "[" + row + "]." + col, cell));
				}
			}
			else {
				request.param("form." + f.name(), typed.getOrDefault("form." + f.name(), String.valueOf(v)));
			}
		}
		for (MergedApplication.MergedMaterial m : merged.materials()) {
			if (m.heldBy() == null || m.heldBy().isBlank()) {
				request.file(new MockMultipartFile("documents." + m.code(), m.code() + ".pdf", "application/pdf",
						ApplyingOnceForADentalClinicTests.scan(m.code())));
			}
		}
		return (MockMultipartHttpServletRequestBuilder) request.with(basic(user)).with(csrf());
	}

	/** Applies on the page in one post (files and confirmation together); the application's id. */
	UUID applyThroughThePages(String phone) throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		String location = mvc.perform(applyForm(merged, UUID.randomUUID().toString(), phone, "enterprise")
			.param("confirmed", "true")).andExpect(redirectedUrlPattern("/integrated/applications/*")).andReturn()
			.getResponse().getRedirectedUrl();
		return UUID.fromString(location.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1"));
	}

	JsonNode read(UUID id) throws Exception {
		return json.readTree(mvc.perform(get("/api/integrated/applications/{id}", id).with(basic("enterprise")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Grants every part as handling publishes a decision, and waits for the integrated licence. */
	Licence grantAll(UUID id) throws Exception {
		decideAll(id);
		JsonNode done = await().atMost(Duration.ofSeconds(20)).until(() -> read(id),
				a -> a.get("status").asString().equals("DONE"));
		return licences.find(done.get("licenceNumber").asString()).orElseThrow();
	}

	/** Grants every part of the application as handling publishes a decision. */
	void decideAll(UUID id) throws Exception {
		for (JsonNode part : read(id).get("subCases")) {
			Case c = cases.find(new CaseId(UUID.fromString(part.get("caseId").asString()))).orElseThrow();
			tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(), c.itemCode(), c.itemName(),
					c.situation(), c.situationName(), true, c.applicant(), clock.instant(), null, false, c.channel())));
		}
	}

	long countApplications(String key) {
		return jdbc.sql("SELECT count(*) FROM integrated_application WHERE idempotency_key = ?").param(key)
			.query(Long.class).single();
	}

	static List<String> hidden(String page, String name) {
		List<String> out = new ArrayList<>();
		Matcher m = HIDDEN.matcher(page);
		while (m.find()) {
			if (m.group(1).equals(name)) {
				out.add(HtmlUtils.htmlUnescape(m.group(2)));
			}
		}
		return out;
	}

	/** The hidden fields of the confirm page's confirming form (the first form after the details). */
	static List<Map.Entry<String, String>> hiddenFieldList(String page) {
		String form = page.substring(page.indexOf("id=\"confirm-form\""), page.indexOf("id=\"edit-form\""));
		List<Map.Entry<String, String>> out = new ArrayList<>();
		Matcher m = HIDDEN.matcher(form);
		while (m.find()) {
			if (!m.group(1).equals("_csrf") && !m.group(1).equals("confirmed")) {
				out.add(Map.entry(HtmlUtils.htmlUnescape(m.group(1)), HtmlUtils.htmlUnescape(m.group(2))));
			}
		}
		return out;
	}

	static Map<String, String> hiddenFields(String page) {
		Map<String, String> out = new java.util.LinkedHashMap<>();
		hiddenFieldList(page).forEach(e -> out.put(e.getKey(), e.getValue()));
		return out;
	}
}
