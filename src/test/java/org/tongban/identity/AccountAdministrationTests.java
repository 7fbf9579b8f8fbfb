package org.tongban.identity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AccountAdministrationTests {

	@Autowired
	MockMvc mvc;

	private static String body(String username, String name, String password, String roles, String org, String id,
			String uscc) {
		return """
				{"username":"%s","displayName":"%s","password":"%s","roles":[%s],"orgUnitCode":%s,"idNumber":%s,"uscc":%s}
				""".formatted(username, name, password, roles, org == null ? "null" : "\"" + org + "\"",
				id == null ? "null" : "\"" + id + "\"", uscc == null ? "null" : "\"" + uscc + "\"");
	}

	@Test
	void theDemoDataHasEveryRoleAndOneStaffAccountPerDivision() throws Exception {
		var result = mvc.perform(get("/api/accounts").with(httpBasic("admin", "tongban-demo"))).andExpect(status().isOk());
		for (String u : new String[] {"admin", "leader", "clerk", "approver", "inspector", "citizen", "enterprise",
				"planning", "biomed", "medadmin", "publichealth", "family", "primary", "tcm", "personnel", "office"}) {
			result.andExpect(jsonPath("$[*].username", hasItem(u)));
		}
		result.andExpect(content().string(not(containsString("password"))));
	}

	@Test
	void anAdminOpensACitizenAccountWithAValidIdNumber() throws Exception {
		String username = "c" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/accounts").with(httpBasic("admin", "tongban-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(body(username, "李四", "correct-horse-1", "\"CITIZEN\"", null, "31011519901120341" + "4", null)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.username").value(username));
	}

	@Test
	void everyBadFieldIsNamedInChineseAndNothingIsSaved() throws Exception {
		String username = "b" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/accounts").with(httpBasic("admin", "tongban-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(body(username, "王五", "short", "\"CITIZEN\",\"ENTERPRISE\"", null, "310115198503151231",
						"91310115MA1K3Y4N2A")))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.type").value("https://tongban.org/problems/validation"))
				.andExpect(jsonPath("$.errors[?(@.field=='password')].message").value(hasItem(containsString("12"))))
				.andExpect(jsonPath("$.errors[?(@.field=='idNumber')].message").value(hasItem(containsString("校验位"))))
				.andExpect(jsonPath("$.errors[?(@.field=='uscc')].message").value(hasItem(containsString("校验码"))));
		mvc.perform(get("/api/accounts").with(httpBasic("admin", "tongban-demo")))
				.andExpect(jsonPath("$[*].username", not(hasItem(username))));
	}

	@Test
	void htmlInADisplayNameIsShownAsTextNeverAsMarkup() throws Exception {
		String username = "h" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/api/accounts").with(httpBasic("admin", "tongban-demo")).contentType(MediaType.APPLICATION_JSON)
				.content(body(username, "<script>alert(1)</script>", "correct-horse-1", "\"CLERK\"", "APPROVAL_CENTRE",
						null, null)))
				.andExpect(status().isCreated());
		mvc.perform(get("/admin/accounts").with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
				.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
				// units by their Chinese names, never their codes
				.andExpect(content().string(containsString("<td>委审批服务中心</td>")))
				.andExpect(content().string(not(containsString("<td>APPROVAL_CENTRE</td>"))));
	}

	@Test
	void theAccountFormShowsEachErrorNextToItsField() throws Exception {
		mvc.perform(post("/admin/accounts").with(csrf()).with(httpBasic("admin", "tongban-demo"))
				.param("username", "X!").param("displayName", "").param("password", "abc")
				.param("roles", "DIVISION_STAFF"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("用户名须为 3–32 位")))
				.andExpect(content().string(containsString("处室工作人员须选择所属处室或单位")))
				.andExpect(content().string(containsString("密码须为 12–128 位")));
	}

	@Test
	void onlyAdminsAdministerAccounts() throws Exception {
		mvc.perform(get("/api/accounts").with(httpBasic("leader", "tongban-demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/accounts").with(httpBasic("citizen", "tongban-demo"))).andExpect(status().isForbidden());
		mvc.perform(get("/admin/accounts").with(httpBasic("clerk", "tongban-demo"))).andExpect(status().isForbidden());
		mvc.perform(post("/api/accounts/admin/enabled").param("value", "false").with(httpBasic("admin", "tongban-demo")))
				.andExpect(status().isConflict());
	}
}
