package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.GuideContent.FormField;
import org.tongban.catalogue.GuideEditing;
import org.tongban.identity.SignedInUser;
import org.tongban.support.Applying;
import tools.jackson.databind.json.JsonMapper;

/**
 * An item's guide defines its application form (fields, types, required, limits); a submitted form is checked
 * against the definition of the guide version the case was started under, and every wrong field is named.
 */
class FillingInTheItemFormTests extends CasesIntegrationTest {

	static final String NURSE = "PD-WJW-XK-001";
	static final String PHYSICIAN = "PD-WJW-XK-009";
	/** Only this class publishes new versions of it. */
	static final String CLINIC = "PD-WJW-BA-003";

	@Autowired
	Catalogue catalogue;

	@Autowired
	GuideEditing editing;

	@Autowired
	UserDetailsService users;

	@Autowired
	JsonMapper json;

	@Test
	void everyPublishedFormAcceptsItsOwnSampleData() {
		List<String> withForms = new ArrayList<>();
		for (var item : catalogue.items(null, null, null)) {
			Guide guide = catalogue.published(item.code()).orElseThrow();
			if (!guide.hasForm()) {
				continue;
			}
			withForms.add(item.code());
			for (var situation : guide.situations()) {
				List<FormField> fields = guide.formFor(situation.code());
				assertThat(ItemForms.check(fields, ItemForms.samples(fields), true))
						.as(item.code() + "/" + situation.code()).isEmpty();
			}
		}
		assertThat(withForms).contains(NURSE, PHYSICIAN, CLINIC);
	}

	@Test
	void aWrongTypeAndMissingRequiredFieldsAreEachNamedInChinese() throws Exception {
		Map<String, Object> form = clinicForm();
		form.remove("clinicName");
		form.remove("principal");
		form.put("physicians", "两名");
		mvc.perform(apply(key(), clinicBody("NEW", form)).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors.length()").value(3))
				.andExpect(jsonPath("$.errors[?(@.field == 'form.clinicName')].message").value(hasItem("请填写“诊所名称”。")))
				.andExpect(jsonPath("$.errors[?(@.field == 'form.principal')].message").value(hasItem("请填写“主要负责人”。")))
				.andExpect(jsonPath("$.errors[?(@.field == 'form.physicians')].message").value(hasItem("“执业医师人数”应填写数字。")));
	}

	@Test
	void numbersAreHeldToTheirLimitsAndChoicesToTheirOptions() throws Exception {
		Map<String, Object> form = clinicForm();
		form.put("dentalChairs", "5");
		form.put("openingOn", "2027-02-30");
		mvc.perform(apply(key(), clinicBody("NEW_DENTAL", form)).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'form.dentalChairs')].message").value(hasItem("“牙椅数”不能大于 4。")))
				.andExpect(jsonPath("$.errors[?(@.field == 'form.openingOn')].message").value(hasItem("“拟执业日期”不是有效的日期。")));

		String body = citizenBody(PHYSICIAN, "NEW", "x").replace("\"note\": \"x\"",
				"\"qualificationNumber\": \"2022311103101\", \"practiceCategory\": \"外科\", \"scope\": \"外科专业\", \"institution\": \"某医院\"");
		mvc.perform(apply(key(), body).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("form.practiceCategory"))
				.andExpect(jsonPath("$.errors[0].message").value("“执业类别”应从下列选项中选择：临床、中医、口腔、公共卫生。"));
	}

	@Test
	void idNumbersAndCreditCodesAreCheckedToTheirCheckDigits() throws Exception {
		Map<String, Object> form = clinicForm();
		// GB 11643-1999: the last character is a check digit over the first seventeen (…1222 is right)
		form.put("principalIdNumber", "310115199002201223");
		mvc.perform(apply(key(), clinicBody("NEW", form)).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("form.principalIdNumber"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("“主要负责人身份证号”有误")));

		form.put("principalIdNumber", "31011519900220");
		mvc.perform(apply(key(), clinicBody("NEW", form)).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].message").value(containsString("应为 18 位居民身份证号码")));

		// GB 32100-2015: the eighteenth character checks the first seventeen (…2N is right)
		String body = citizenBody(NURSE, "NEW", "x").replace("\"note\": \"x\"", "\"institutionUscc\": \"91310115MA1K3Y4N2M\"");
		mvc.perform(apply(key(), body).with(basic("citizen")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[0].field").value("form.institutionUscc"))
				.andExpect(jsonPath("$.errors[0].message").value(containsString("“执业机构统一社会信用代码”有误")));
	}

	@Test
	void htmlInATextFieldIsKeptAsTypedAndShownAsText() throws Exception {
		String note = "<b>加急</b><script>alert(1)</script>";
		String id = submitWithMaterials("citizen", citizenBody(NURSE, "NEW", note.replace("\"", "\\\"")));
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.form.note").value(note));
		mvc.perform(get("/cases/{id}", id).with(basic("citizen")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
				.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void aDraftIsCheckedAsItIsSavedAndItsRequiredFieldsWhenItIsSubmitted() throws Exception {
		String id = Applying.draft(mvc, "enterprise", clinicBody("NEW", Map.of("phone", "021-68541234")));
		mvc.perform(put("/api/cases/{id}/form", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"phone\": \"021-68541234\", \"physicians\": \"many\"}").with(basic("enterprise")).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("form.physicians"));
		Applying.uploadRequired(mvc, applications, "enterprise", id, CLINIC, "NEW");
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key()).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[?(@.field == 'form.clinicName')].message").value(hasItem("请填写“诊所名称”。")));
	}

	@Test
	void aCaseIsCheckedAgainstTheFormOfTheGuideVersionItWasStartedUnder() throws Exception {
		int before = catalogue.published(CLINIC).orElseThrow().version();
		Map<String, Object> form = clinicForm();
		form.remove("openingOn");
		String id = Applying.draft(mvc, "enterprise", clinicBody("NEW", form));

		// the next version makes the opening date required
		int draft = editing.createDraft(user("medadmin"), CLINIC).version();
		GuideContent c = catalogue.version(CLINIC, draft).orElseThrow().content();
		List<FormField> fields = c.form().stream().map(f -> !f.name().equals("openingOn") ? f
				: new FormField(f.name(), f.label(), f.type(), true, f.maxLength(), f.min(), f.max(), f.choices(),
						f.situations(), f.hint(), f.sample())).toList();
		editing.updateDraft(user("medadmin"), CLINIC, draft, new GuideContent(c.name(), c.powersListEntry(),
				c.legalBasis(), c.statutoryDays(), c.promisedDays(), c.immediate(), c.fee(), c.channels(),
				c.noticeCommitment(), c.keywords(), c.situationQuestions(), c.situations(), c.processSteps(), c.faqs(),
				c.licence(), c.retentionYears(), c.timeLimits(), fields));
		editing.submit(user("medadmin"), CLINIC, draft);
		editing.publish(user("leader"), CLINIC, draft);
		assertThat(catalogue.diff(CLINIC, before, draft).changes())
				.anyMatch(ch -> ch.path().equals("form[openingOn].required") && "true".equals(ch.after()));

		Applying.uploadRequired(mvc, applications, "enterprise", id, CLINIC, "NEW");
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key()).with(basic("enterprise")))
				.andExpect(status().isCreated());
		mvc.perform(get("/api/cases/{id}", id).with(basic("enterprise")))
				.andExpect(jsonPath("$.guideVersion").value(before));

		mvc.perform(apply(key(), clinicBody("NEW", form)).with(basic("enterprise")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("form.openingOn"))
				.andExpect(jsonPath("$.errors[0].message").value("请填写“拟执业日期”。"));
	}

	@Test
	void everyDemoCaseFitsItsItemsForm() {
		for (CaseDemoData.Demo demo : CaseDemoData.DEMOS) {
			List<FormField> fields = catalogue.published(demo.item()).orElseThrow().formFor(demo.situation());
			Map<String, String> form = ApplicationForm.parse(CaseDemoData.form(applications, demo), ItemForms.tables(fields));
			assertThat(ItemForms.check(fields, form, true)).as(demo.key()).isEmpty();
		}
	}

	@Test
	void everyItemButTheIntegratedOnesHasAFormAskingForAPhone() {
		for (var item : catalogue.items(null, null, null)) {
			Guide guide = catalogue.published(item.code()).orElseThrow();
			// 一业一证 items get their integrated form from their industry package
			if (item.code().equals("PD-WJW-XK-027") || item.code().equals("PD-WJW-XK-028")) {
				continue;
			}
			assertThat(guide.form()).as(item.code()).anyMatch(f -> f.name().equals("phone") && f.isRequired());
		}
	}

	@Test
	void fieldsTheFormDoesNotDefineAreKeptAsTypedAsBefore() throws Exception {
		String item = "PD-WJW-XK-022";
		assertThat(catalogue.published(item).orElseThrow().form()).noneMatch(f -> f.name().equals("anything")
				|| f.name().equals("physicians"));
		String body = citizenBody(item, "NEW", "x").replace("\"note\": \"x\"", "\"anything\": \"两名\", \"physicians\": \"many\"");
		String id = submitWithMaterials("citizen", body);
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen")))
				.andExpect(jsonPath("$.form.physicians").value("many"));
	}

	private Map<String, Object> clinicForm() {
		return new LinkedHashMap<>(applications.sampleForm(CLINIC, "NEW_DENTAL", Map.of()));
	}

	private String clinicBody(String situation, Map<String, Object> form) {
		return """
				{"itemCode": "%s", "situation": "%s",
				 "applicant": {"kind": "ENTERPRISE", "uscc": "%s", "name": "示例", "agentName": "李四"},
				 "form": %s}""".formatted(CLINIC, situation, ENTERPRISE_USCC, json.writeValueAsString(form));
	}

	private SignedInUser user(String username) {
		return (SignedInUser) users.loadUserByUsername(username);
	}
}
