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
class ApplyingOnceThroughThePagesTests extends IntegratedPagesTest {

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

		// cancelled on the same page (confirmed in one post); once every part is cancelled the page says so, 409
		JsonNode cancelling = json.readTree(mvc.perform(get("/api/integrated/licences/{n}/documents", licence.number())
			.param("kind", "CANCEL").with(basic("enterprise"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		MockMultipartHttpServletRequestBuilder cancel = multipart("/integrated/licences/{n}/applications",
				licence.number());
		cancel.param("kind", "CANCEL").param("phone", "13800000014").param("token", UUID.randomUUID().toString())
			.param("confirmed", "true");
		for (JsonNode d : cancelling) {
			cancel.file(new MockMultipartFile("documents." + d.get("name").asString(), "cancel.pdf", "application/pdf",
					ApplyingOnceForADentalClinicTests.scan(d.get("name").asString())));
		}
		String cancelled = mvc.perform(cancel.with(basic("enterprise")).with(csrf()))
			.andExpect(redirectedUrlPattern("/integrated/applications/*")).andReturn().getResponse().getRedirectedUrl();
		decideAll(UUID.fromString(cancelled.replaceAll(".*/applications/([0-9a-f-]{36}).*", "$1")));
		await().atMost(Duration.ofSeconds(20)).until(() -> licences.find(licence.number()).orElseThrow().storedStatus(),
				st -> st == org.tongban.licences.LicenceStatus.CANCELLED);
		String closed = mvc.perform(get("/integrated/licences/{n}/apply", licence.number()).with(basic("enterprise")))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(closed).contains("id=\"closed\"", "已注销，不能再申请").doesNotContain("id=\"kind-form\"");
		String refused = mvc.perform(multipart("/integrated/licences/{n}/applications", licence.number())
			.param("kind", "REISSUE").param("phone", "13800000014").param("token", UUID.randomUUID().toString())
			.param("confirmed", "true").with(basic("enterprise")).with(csrf())).andExpect(status().isConflict())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(refused).contains("id=\"refusal\"", "不能再补证");
	}
}
