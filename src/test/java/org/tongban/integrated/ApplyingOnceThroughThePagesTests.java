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

/**
 * 一业一证 through the pages without a browser: a dental clinic applies on the apply page, confirms (the uploads held in
 * the session until then), replays the final submit without a second application; once every part is granted, a
 * change of legal representative made on the lifecycle page opens a sub-case only for the permit that carries it.
 */
class ApplyingOnceThroughThePagesTests extends IntegratedIntegrationTest {

	private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"");

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

	@Test
	void theApplyPageConfirmsThenOpensOneApplicationEvenWhenTheFinalSubmitIsReplayed() throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		String page = mvc.perform(get("/integrated/applications/new").param("package", "DENTAL_CLINIC")
			.params(answerParams()).with(basic("enterprise"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		// pre-filled from the answers (chairs) and the enterprise register (its USCC)
		assertThat(page).contains("name=\"form.chairs\"", "value=\"3\"", "91310115MA1K3Y4N2N", "form.xrayEquipment[0].model");
		String token = hidden(page, "token").get(0);

		Cookie session = new Cookie("SESSION", "");
		MvcResult confirm = mvc.perform(applyForm(merged, token, "13800000011", "enterprise")).andExpect(status().isOk())
			.andReturn();
		session = confirm.getResponse().getCookie("SESSION");
		String confirmPage = confirm.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(confirmPage).contains("确认提交综合申请", "放射诊疗许可", "OP300", "PREMISES.pdf");
		assertThat(countApplications(token)).isZero();

		MockHttpServletRequestBuilder submit = post("/integrated/applications").with(basic("enterprise")).with(csrf())
			.cookie(session).param("confirmed", "true");
		hiddenFields(confirmPage).forEach(submit::param);
		String location = mvc.perform(submit).andExpect(redirectedUrlPattern("/integrated/applications/*"))
			.andReturn().getResponse().getRedirectedUrl();
		// the same confirmation again: the same application
		MockHttpServletRequestBuilder again = post("/integrated/applications").with(basic("enterprise")).with(csrf())
			.cookie(session).param("confirmed", "true");
		hiddenFields(confirmPage).forEach(again::param);
		assertThat(mvc.perform(again).andReturn().getResponse().getRedirectedUrl()).isEqualTo(location);
		assertThat(countApplications(token)).isEqualTo(1);

		String status = mvc.perform(get(location).with(basic("enterprise"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(status).contains("综合申请已提交", "办理中", "data-item=\"PD-WJW-BA-003\"", "data-item=\"PD-WJW-XK-002\"",
				"data-item=\"PD-WJW-XK-008\"");
	}

	@Test
	void aChangeOfLegalRepresentativeOnTheLifecyclePageTouchesOnlyThePermitCarryingIt() throws Exception {
		UUID first = applyThroughThePages("13800000012");
		Licence licence = grantAll(first);

		String page = mvc.perform(get("/integrated/licences/{n}/apply", licence.number()).param("kind", "CHANGE")
			.param("changed", "legalRepresentative").with(basic("enterprise"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode needed = json.readTree(mvc.perform(get("/api/integrated/licences/{n}/documents", licence.number())
			.param("kind", "CHANGE").param("changed", "legalRepresentative").with(basic("enterprise")))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		List<String> documents = needed.valueStream().map(d -> d.get("name").asString()).toList();
		assertThat(documents).isNotEmpty();
		documents.forEach(d -> assertThat(page).contains(HtmlUtils.htmlEscape(d)));
		// the field to change, filled with what was granted; no field that is not changing
		assertThat(page).contains("name=\"form.legalRepresentative\"", "value=\"张三\"")
			.doesNotContain("name=\"form.principal\"");
		String token = hidden(page, "token").get(0);

		MockMultipartHttpServletRequestBuilder change = multipart("/integrated/licences/{n}/applications",
				licence.number());
		change.param("kind", "CHANGE").param("changed", "legalRepresentative").param("form.legalRepresentative", "王五")
			.param("phone", "13800000013").param("token", token);
		for (String d : documents) {
			change.file(new MockMultipartFile("documents." + d, "change.pdf", "application/pdf",
					ApplyingOnceForADentalClinicTests.scan(d)));
		}
		MvcResult confirm = mvc.perform(change.with(basic("enterprise")).with(csrf())).andExpect(status().isOk())
			.andReturn();
		String confirmPage = confirm.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(confirmPage).contains("确认提交变更申请", "法定代表人（变更后）", "王五");
		MockHttpServletRequestBuilder submit = post("/integrated/licences/{n}/applications", licence.number())
			.with(basic("enterprise")).with(csrf()).cookie(confirm.getResponse().getCookie("SESSION"))
			.param("confirmed", "true");
		hiddenFields(confirmPage).forEach(submit::param);
		String location = mvc.perform(submit).andExpect(redirectedUrlPattern("/integrated/applications/*"))
			.andReturn().getResponse().getRedirectedUrl();

		String status = mvc.perform(get(location).with(basic("enterprise"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(status).contains("变更申请", "data-item=\"PD-WJW-XK-002\"")
			.doesNotContain("data-item=\"PD-WJW-BA-003\"", "data-item=\"PD-WJW-XK-008\"");
		UUID id = UUID.fromString(location.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1"));
		JsonNode view = read(id);
		Case part = cases.find(new CaseId(UUID.fromString(view.get("subCases").get(0).get("caseId").asString())))
			.orElseThrow();
		assertThat(part.situation()).isEqualTo("CHANGE");
		assertThat(part.form()).containsEntry("legalRepresentative", "王五");
	}

	// ---- helpers shared with the refusal tests

	static org.springframework.util.LinkedMultiValueMap<String, String> answerParams() {
		org.springframework.util.LinkedMultiValueMap<String, String> answers = new org.springframework.util.LinkedMultiValueMap<>();
		dentalWithXray().forEach((k, v) -> answers.add("q." + k, String.valueOf(v)));
		return answers;
	}

	/** The apply page's form as a browser posts it: answers, every field with its sample, a scan per document. */
	MockMultipartHttpServletRequestBuilder applyForm(MergedApplication merged, String token, String phone,
			String user) throws Exception {
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
				request.param("form." + f.name(), String.valueOf(v));
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
		for (JsonNode part : read(id).get("subCases")) {
			Case c = cases.find(new CaseId(UUID.fromString(part.get("caseId").asString()))).orElseThrow();
			tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(), c.itemCode(), c.itemName(),
					c.situation(), c.situationName(), true, c.applicant(), clock.instant(), null, false, c.channel())));
		}
		JsonNode done = await().atMost(Duration.ofSeconds(20)).until(() -> read(id),
				a -> a.get("status").asString().equals("DONE"));
		return licences.find(done.get("licenceNumber").asString()).orElseThrow();
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
