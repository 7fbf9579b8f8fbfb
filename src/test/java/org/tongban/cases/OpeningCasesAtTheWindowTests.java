package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.catalogue.Catalogue;

/**
 * The window as the clerk uses it: finding the item by code or name, only the fields of the applicants the item
 * serves, identity documents other than the resident ID, and every mistake shown beside its field with what was
 * typed kept.
 */
class OpeningCasesAtTheWindowTests extends CasesIntegrationTest {

	static final String NURSE = "PD-WJW-XK-001"; // persons only
	static final String WATER_SUPPLY = "PD-WJW-XK-024"; // enterprises only
	static final String RADIATION_WORKER = "PD-WJW-XK-008"; // both

	@Autowired
	UserDetailsService users;

	@Autowired
	Catalogue catalogue;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockHttpServletRequestBuilder window(String item, String... fields) {
		MockHttpServletRequestBuilder request = post("/work/window").with(as("clerk")).with(csrf()).param("item", item)
				.param("situation", "NEW").param("phone", "13900000001").param("identityChecked", "true");
		for (int i = 0; i < fields.length; i += 2) {
			request.param(fields[i], fields[i + 1]);
		}
		return request;
	}

	String page(MockHttpServletRequestBuilder request, int status) throws Exception {
		return mvc.perform(request).andExpect(status().is(status)).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theClerkFindsTheItemByCodeOrNameFromOneTextField() throws Exception {
		String picker = page(get("/work/window").with(as("clerk")), 200);
		// a text field with a list the browser filters as the clerk types, no 70-entry select
		assertThat(picker).contains("list=\"window-items\"", "<datalist id=\"window-items\">",
				"value=\"PD-WJW-XK-001 护士执业注册\"").doesNotContain("<select id=\"window-item\"");
		// the list's "code name" entry, the bare code in any case, or the only item matching the words
		assertThat(page(get("/work/window").with(as("clerk")).param("item", "PD-WJW-XK-001 护士执业注册"), 200))
				.contains("<h2>PD-WJW-XK-001 护士执业注册</h2>");
		assertThat(page(get("/work/window").with(as("clerk")).param("item", "pd-wjw-xk-001"), 200))
				.contains("<h2>PD-WJW-XK-001 护士执业注册</h2>");
		assertThat(page(get("/work/window").with(as("clerk")).param("item", "饮用水供水"), 200))
				.contains("<h2>PD-WJW-XK-024 饮用水供水单位卫生许可</h2>");
		// several matches are offered as links (without script too); none says so beside the field
		String several = page(get("/work/window").with(as("clerk")).param("item", "医师"), 200);
		assertThat(several).contains("id=\"window-matches\"", "/work/window?item=PD-WJW-XK-009", "aria-invalid=\"true\"",
				"请从下列事项中选择").doesNotContain("id=\"window-form\"");
		assertThat(page(get("/work/window").with(as("clerk")).param("item", "<b>不存在</b>"), 200))
				.contains("未找到与“&lt;b&gt;不存在&lt;/b&gt;”相符的事项").doesNotContain("<b>不存在</b>");
	}

	@Test
	void whichApplicantsAnItemServesIsReadFromItsGuide() {
		assertThat(ApplicantKinds.servedBy(catalogue.published(NURSE).orElseThrow()))
				.containsExactly(Applicant.Kind.PERSON);
		assertThat(ApplicantKinds.servedBy(catalogue.published(WATER_SUPPLY).orElseThrow()))
				.containsExactly(Applicant.Kind.ENTERPRISE);
		assertThat(ApplicantKinds.servedBy(catalogue.published(RADIATION_WORKER).orElseThrow()))
				.isEqualTo(EnumSet.allOf(Applicant.Kind.class));
		// 公共场所卫生许可 asks for the legal representative's ID card: that makes no person an applicant
		assertThat(ApplicantKinds.servedBy(catalogue.published("PD-WJW-XK-005").orElseThrow()))
				.containsExactly(Applicant.Kind.ENTERPRISE);
	}

	@Test
	void aPersonOnlyItemShowsNoEnterpriseFieldsAndRefusesAnEnterprise() throws Exception {
		String nurse = page(get("/work/window").with(as("clerk")).param("item", NURSE), 200);
		assertThat(nurse).contains("id=\"window-idNumber\"", "id=\"window-idType\"", "本事项的申请人为个人")
				.doesNotContain("id=\"window-uscc\"", "id=\"window-agentName\"", "name=\"kind\" value=\"ENTERPRISE\"");
		String water = page(get("/work/window").with(as("clerk")).param("item", WATER_SUPPLY), 200);
		assertThat(water).contains("id=\"window-uscc\"", "id=\"window-agentName\"", "本事项的申请人为企业（单位）")
				.doesNotContain("id=\"window-idNumber\"");
		String both = page(get("/work/window").with(as("clerk")).param("item", RADIATION_WORKER), 200);
		assertThat(both).contains("data-kind-switch", "data-kind-fields=\"PERSON\"", "data-kind-fields=\"ENTERPRISE\"");

		// an enterprise posted to a person-only item is refused beside the kind, and nothing is opened
		long before = count();
		String refused = page(window(NURSE, "kind", "ENTERPRISE", "uscc", "91310115MA1K4XXX3W", "name", "某公司",
				"agentName", "王五"), 400);
		assertThat(refused).contains("id=\"window-kind-error\"", "本事项的申请人为个人，不能以企业（单位）名义办理。")
				.contains("value=\"某公司\"");
		assertThat(count()).isEqualTo(before);
		// the API refuses it the same way, as problem+json
		mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON).content("""
				{"application": {"itemCode": "PD-WJW-XK-024", "situation": "NEW",
				  "applicant": {"kind": "PERSON", "idNumber": "310115199002201222", "name": "李四"}, "form": {}},
				 "identityChecked": true}""")).andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.errors[0].field").value("applicant.kind"));

		// a person at an item serving both: the enterprise fields typed by mistake are ignored
		String id = opened(window(RADIATION_WORKER, "kind", "PERSON", "idType", "RESIDENT_ID",
				"idNumber", "310115199002201222", "name", "李四", "uscc", "不是代码", "agentName", "不该保存"));
		assertThat(jdbc.sql("SELECT coalesce(applicant_uscc, '') || coalesce(agent_name, '') FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single()).isEmpty();
	}

	@Test
	void aWrongNumberOfEachDocumentComesBackBesideTheFieldWithEverythingKept() throws Exception {
		String[][] wrong = {
				{"RESIDENT_ID", "310115199002201223", "公民身份号码校验位"},
				{"HMT_RESIDENCE_PERMIT", "810000199001010018", "港澳台居民居住证号码校验位（第18位）不正确"},
				{"HK_MACAO_PERMIT", "K12345678", "H（香港）或M（澳门）加8位数字"},
				{"TAIWAN_PERMIT", "1234567", "应为8位数字"},
				{"FOREIGN_PERMANENT_RESIDENT", "931156198503151235", "外国人永久居留身份证号码校验位"},
				{"PASSPORT", "E1-2", "护照号码应为5至17位字母或数字"}};
		for (String[] w : wrong) {
			String page = page(window(NURSE, "kind", "PERSON", "idType", w[0], "idNumber", w[1], "name", "李四"), 400);
			assertThat(page).as(w[0]).contains("id=\"window-idNumber-error\"")
					.contains(w[2].equals("公民身份号码校验位") ? "校验位（第18位）不正确" : w[2])
					.contains("aria-invalid=\"true\"", "aria-describedby=\"window-idNumber-hint window-idNumber-error\"")
					// everything typed is still there, the document type chosen too
					.contains("value=\"" + w[1] + "\"", "value=\"李四\"", "value=\"13900000001\"",
							"value=\"" + w[0] + "\" selected=\"selected\"")
					.contains("id=\"window-form\"").doesNotContain("出错了");
		}
	}

	@Test
	void aMissingNameAndAnUncheckedIdAreShownBesideTheirFieldsAndAnHtmlNameIsEscaped() throws Exception {
		String noName = page(window(NURSE, "kind", "PERSON", "idNumber", "310115199002201222", "name", ""), 400);
		assertThat(noName).contains("id=\"window-name-error\"", "请填写姓名。", "value=\"310115199002201222\"");
		String unchecked = page(post("/work/window").with(as("clerk")).with(csrf()).param("item", NURSE)
				.param("situation", "NEW").param("kind", "PERSON").param("idNumber", "310115199002201222")
				.param("name", "<script>alert(1)</script>"), 400);
		assertThat(unchecked).contains("id=\"window-checked-error\"", "请先核验申请人")
				.contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
		String badPhone = page(window(NURSE, "kind", "PERSON", "idNumber", "310115199002201222", "name", "李四",
				"phone", "12"), 400);
		assertThat(badPhone).contains("id=\"window-phone-error\"", "联系电话格式不正确");
		// the population register knows the number under another name
		assertThat(page(window(NURSE, "kind", "PERSON", "idNumber", "310115199002201222", "name", "李四四"), 400))
				.contains("id=\"window-name-error\"", "姓名与身份证号在人口库中的登记不一致");
	}

	@Test
	void aPassportHolderIsOpenedAndTheNumberIsShownUnderItsDocumentsName() throws Exception {
		String id = opened(window(NURSE, "kind", "PERSON", "idType", "PASSPORT", "idNumber", "e12345678",
				"name", "John Smith"));
		assertThat(jdbc.sql("SELECT applicant_id_type || ' ' || applicant_id_number || ' ' || owner FROM cases_case WHERE id = ?")
				.param(UUID.fromString(id)).query(String.class).single()).isEqualTo("PASSPORT E12345678 window:PASSPORT:E12345678");
		// the page speaks to the clerk, and names the document
		mvc.perform(get("/cases/{id}", id).param("opened", "").with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("已为申请人 John Smith 建立办件草稿")))
				.andExpect(content().string(containsString("<dt>护照号码</dt>")))
				.andExpect(content().string(containsString("请与申请人核对申请信息和材料")))
				.andExpect(content().string(not(containsString("← 我的办件"))))
				.andExpect(content().string(not(containsString("<dt>公民身份号码</dt>"))));
		mvc.perform(get("/work/cases/{id}", id).with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("<dt>护照号码</dt>")));
		mvc.perform(get("/api/cases/{id}", id).with(basic("clerk"))).andExpect(jsonPath("$.applicant.idType").value("PASSPORT"));
		// the same over the API; online, only the resident ID
		mvc.perform(post("/api/window/cases").with(basic("clerk")).contentType(MediaType.APPLICATION_JSON).content("""
				{"application": {"itemCode": "PD-WJW-XK-001", "situation": "NEW",
				  "applicant": {"kind": "PERSON", "idType": "HK_MACAO_PERMIT", "idNumber": "H1234567", "name": "陈大文"}, "form": {}},
				 "identityChecked": true}""")).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("applicant.idNumber"))
				.andExpect(jsonPath("$.errors[0].message", containsString("H（香港）或M（澳门）")));
		mvc.perform(post("/api/cases/drafts").with(basic("citizen")).contentType(MediaType.APPLICATION_JSON).content("""
				{"itemCode": "PD-WJW-XK-001", "situation": "NEW",
				 "applicant": {"kind": "PERSON", "idType": "PASSPORT", "idNumber": "E12345678", "name": "张三"}, "form": {}}"""))
				.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("applicant.idType"));
	}

	@Test
	void aResidentIdCaseOpensAndSubmittedSpeaksToTheClerk() throws Exception {
		String id = opened(window(NURSE, "kind", "PERSON", "idNumber", "310115199002201222", "name", "李四"));
		mvc.perform(get("/cases/{id}", id).with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("<dt>公民身份号码</dt>")))
				.andExpect(content().string(containsString("← 工作台")));
		for (String material : applications.requiredUploads(NURSE, "NEW")) {
			mvc.perform(post("/cases/{id}/paper", id).with(as("clerk")).with(csrf()).param("material", material))
					.andExpect(status().is3xxRedirection());
		}
		String token = UUID.randomUUID().toString();
		mvc.perform(post("/cases/{id}/submit", id).with(as("clerk")).with(csrf()).param("token", token))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("请告知申请人")));
		mvc.perform(post("/cases/{id}/submit", id).with(as("clerk")).with(csrf()).param("token", token)
				.param("confirmed", "true"))
				.andExpect(redirectedUrlPattern("/cases/*?submitted"));
		String number = jdbc.sql("SELECT case_number FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).single();
		mvc.perform(get("/cases/{id}", id).param("submitted", "").with(as("clerk"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("已为申请人 李四 提交办件 " + number)))
				.andExpect(content().string(containsString("请将办件编号和查询码告知申请人")))
				.andExpect(content().string(not(containsString("您可以在“我的办件”中查看"))));
	}

	private String opened(MockHttpServletRequestBuilder request) throws Exception {
		String location = mvc.perform(request).andExpect(redirectedUrlPattern("/cases/*?opened")).andReturn()
				.getResponse().getRedirectedUrl();
		return location.substring("/cases/".length(), location.indexOf('?'));
	}

	private long count() {
		return jdbc.sql("SELECT count(*) FROM cases_case").query(Long.class).single();
	}
}
