package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.tongban.cases.Case;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseStatus;
import org.tongban.support.Applying;

/**
 * A change acts on the licence it names: the nurse's new 执业机构 is carried, signed, shown and verifiable, the
 * history says what changed; an application naming a licence that is not the applicant's (or not of the item,
 * or revoked) is refused when it is submitted.
 */
class ChangingALicenceTests extends LicencesIntegrationTest {

	static final String NURSE = "PD-WJW-XK-001";

	@Autowired
	LicencePdf pdf;

	@Value("${tongban.public-url}")
	String publicUrl;

	@Test
	void aNursesChangeOfRegistrationGivesHerLicenceTheNewInstitution() throws Exception {
		Licence first = grantAndAwait(apply("citizen", NURSE, "NEW",
				Map.of("institution", "上海市浦东新区人民医院", "practiceCategory", "护理")), clock.instant());
		assertThat(first.particular("institution")).contains("上海市浦东新区人民医院");
		assertThat(first.particulars()).extracting(Particular::label).containsExactly("执业机构", "执业类别");
		assertThat(first.signedData()).contains("\"particulars\":{\"执业机构\":\"上海市浦东新区人民医院\",\"执业类别\":\"护理\"}");

		Case change = apply("citizen", NURSE, "CHANGE",
				Map.of("licenceNumber", first.number(), "institution", "上海市东方医院"));
		decide(change, true, clock.instant());
		Licence changed = await().atMost(Duration.ofSeconds(20))
			.until(() -> licences.find(first.number()).orElseThrow(),
					l -> l.particular("institution").orElse("").equals("上海市东方医院"));
		// what the form left blank keeps its value; the number, holder and check code stay
		assertThat(changed.particular("practiceCategory")).contains("护理");
		assertThat(changed.checkCode()).isEqualTo(first.checkCode());
		assertThat(licences.forCase(change.id())).isEmpty();

		// signed anew, over the new data
		assertThat(changed.signedData()).isEqualTo(CanonicalForm.of(changed)).contains("上海市东方医院")
			.doesNotContain("人民医院");
		assertThat(LicenceSignatures.verify(LicenceSignatures.publicKeyFromPem(licences.publicKeyPem()),
				changed.signedData().getBytes(StandardCharsets.UTF_8), changed.signature())).isTrue();

		// the history says what changed, before → after
		java.util.List<LicenceHistoryEntry> history = licences.history(first.number());
		LicenceHistoryEntry last = history.get(history.size() - 1);
		assertThat(last.action()).isEqualTo("CHANGE");
		assertThat(last.caseId()).isEqualTo(change.id().value());
		assertThat(last.changes()).containsExactly(
				new LicenceHistoryEntry.Change("执业机构", "上海市浦东新区人民医院", "上海市东方医院"));

		// the holder's page, the API, the PDF and public verification show it
		String page = mvc.perform(get("/licences/" + first.number()).with(basic("citizen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("上海市东方医院", "上海市浦东新区人民医院", licences.verifyUrl(changed).replace("&", "&amp;"),
				changed.checkCode());
		String mine = mvc.perform(get("/licences/mine").with(basic("citizen"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(mine).contains("执业机构：上海市东方医院");
		mvc.perform(get("/api/licences/" + first.number()).with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.particulars[0].label").value("执业机构"))
			.andExpect(jsonPath("$.particulars[0].value").value("上海市东方医院"))
			.andExpect(jsonPath("$.verifyUrl").value(publicUrl + "/verify/" + first.number() + "?c=" + changed.checkCode()));
		mvc.perform(get("/api/licences/" + first.number() + "/history").with(basic("citizen")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[-1].changes[0].before").value("上海市浦东新区人民医院"))
			.andExpect(jsonPath("$[-1].changes[0].after").value("上海市东方医院"));
		assertThat(pdf.html(changed, LicenceStatus.VALID, licences.verifyUrl(changed)))
			.contains("<th>执业机构</th><td>上海市东方医院</td>");
		mvc.perform(get("/api/verify/" + first.number()).param("c", changed.checkCode()).with(from(randomIp())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.particulars[0].value").value("上海市东方医院"));
	}

	@Test
	void theApplicationFormOffersTheApplicantsOwnLicencesPreFilled() throws Exception {
		Licence mine = grantAndAwait(apply("citizen", NURSE, "NEW",
				Map.of("institution", "上海市浦东医院", "practiceCategory", "护理")), clock.instant());
		String form = mvc.perform(get("/cases/new").param("item", NURSE).param("situation", "CHANGE")
				.param("licence", mine.number()).with(basic("citizen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("name=\"form.licenceNumber\"", "value=\"" + mine.number() + "\"")
			.contains("id=\"form-institution\"", "value=\"上海市浦东医院\"");
		// another applicant is not offered it
		String theirs = mvc.perform(get("/cases/new").param("item", NURSE).param("situation", "CHANGE")
				.with(basic("enterprise"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(theirs).doesNotContain(mine.number());
		// a first registration asks for the particulars, with no licence to choose
		String first = mvc.perform(get("/cases/new").param("item", NURSE).param("situation", "NEW")
				.with(basic("citizen"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(first).contains("id=\"form-institution\"").doesNotContain("form.licenceNumber");
	}

	@Test
	void anApplicationNamingAnotherHoldersLicenceIsRefusedWhenSubmitted() throws Exception {
		Licence citizens = issue("citizen", "PD-WJW-XK-025", "NEW");
		String id = refused("enterprise", "PD-WJW-XK-025", "CANCEL", citizens.number(), "不是您持有的证照");
		assertThat(caseRecords.find(new CaseId(UUID.fromString(id))).orElseThrow().status())
			.isEqualTo(CaseStatus.DRAFT);
		assertThat(licences.find(citizens.number()).orElseThrow().storedStatus()).isEqualTo(LicenceStatus.VALID);
		// an unknown number reads the same
		refused("citizen", "PD-WJW-XK-025", "CANCEL", "沪浦不存在的编号", "不是您持有的证照");
	}

	@Test
	void anApplicationNamingALicenceOfAnotherItemOrARevokedOneIsRefused() throws Exception {
		Licence other = issue("citizen", "PD-WJW-XK-023", "NEW");
		refused("citizen", NURSE, "CHANGE", other.number(), "不是本事项的证照");

		Licence revoked = issue("citizen", "PD-WJW-XK-023", "NEW");
		mvc.perform(LicenceLifecycleTests.action(revoked, "revoke", "以欺骗手段取得").with(basic("approver")))
			.andExpect(status().isOk());
		refused("citizen", "PD-WJW-XK-023", "RENEW", revoked.number(), "已撤销");
	}

	@Test
	void markupInTheParticularsIsShownAsText() throws Exception {
		String html = "<script>alert(1)</script><b>医院</b>";
		Licence l = grantAndAwait(apply("citizen", NURSE, "NEW", Map.of("institution", html)), clock.instant());
		String page = mvc.perform(get("/licences/" + l.number()).with(basic("citizen"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;医院&lt;/b&gt;");
		String verify = mvc.perform(get("/verify/" + l.number()).param("c", l.checkCode()).with(from(randomIp())))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(verify).doesNotContain(html).contains("&lt;script&gt;");
		assertThat(pdf.html(l, LicenceStatus.VALID, licences.verifyUrl(l))).doesNotContain(html)
			.contains("&lt;script&gt;");
	}

	/** Drafts and uploads as the applicant, then submits: 400 naming form.licenceNumber. Returns the draft's id. */
	private String refused(String user, String item, String situation, String number, String message) throws Exception {
		String applicant = user.equals("enterprise")
				? "{\"kind\": \"ENTERPRISE\", \"uscc\": \"" + ENTERPRISE_USCC + "\", \"name\": \"示例\", \"agentName\": \"李四\"}"
				: "{\"kind\": \"PERSON\", \"idNumber\": \"" + CITIZEN_ID + "\", \"name\": \"张三\"}";
		String body = "{\"itemCode\": \"" + item + "\", \"situation\": \"" + situation + "\", \"applicant\": " + applicant
				+ ", \"form\": " + json.writeValueAsString(Map.of("phone", "13800000000", "licenceNumber", number)) + "}";
		String id = Applying.draft(mvc, user, body);
		Applying.uploadRequired(mvc, applications, user, id, item, situation);
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", UUID.randomUUID().toString())
				.with(basic(user)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("form.licenceNumber"))
			.andExpect(jsonPath("$.errors[0].message", org.hamcrest.Matchers.containsString(message)));
		return id;
	}
}
