package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongban.identity.AuditLog;

/** Lead divisions report progress, cooperating divisions contribute, nobody else writes. */
class ReportingProgressTests extends ReformIntegrationTest {

	@Autowired
	AuditLog auditLog;

	private static MockHttpServletRequestBuilder report(int no, String json) {
		return post("/api/reform/tasks/{no}/reports", no).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private static final String HALF = """
			{"text": "已完成方案起草", "progress": 30, "status": "IN_PROGRESS"}""";

	@Test
	void anonymousCallersMustSignInFirst() throws Exception {
		// without a token identity's CSRF filter answers 403 before authentication is even asked
		mvc.perform(report(10, HALF).with(csrf())).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		mvc.perform(get("/api/reform/tasks")).andExpect(status().isUnauthorized());
	}

	@Test
	void citizensAndEnterprisesHaveNoAccessToTheCockpit() throws Exception {
		mvc.perform(report(10, HALF).with(basic("citizen"))).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.title").value("无权操作"));
		mvc.perform(get("/api/reform/tasks").with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/reform/tasks/10").with(basic("enterprise"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/reform/dashboard").with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get("/reform").with(as("citizen"))).andExpect(status().isForbidden());
	}

	@Test
	void aDivisionThatNeitherLeadsNorCooperatesMayNotReport() throws Exception {
		mvc.perform(report(10, HALF).with(basic("medadmin"))).andExpect(status().isForbidden())
				.andExpect(jsonPath("$.detail").value(containsString("牵头部门或配合部门")));
		// leaders and administrators read everything but report nothing
		mvc.perform(report(10, HALF).with(basic("leader"))).andExpect(status().isForbidden());
		mvc.perform(report(10, HALF).with(basic("admin"))).andExpect(status().isForbidden());
	}

	@Test
	void theLeadDivisionReportsAndTheCooperatingDivisionContributes() throws Exception {
		mvc.perform(report(10, HALF).with(basic("biomed")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.kind").value("REPORT"))
				.andExpect(jsonPath("$.progress").value(30))
				.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
				.andExpect(jsonPath("$.orgUnit").value("生物医药处"));
		mvc.perform(report(10, """
				{"text": "已提供统一有效期制度的意见", "progress": 90, "status": "COMPLETED"}""").with(basic("planning")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.kind").value("CONTRIBUTION"))
				.andExpect(jsonPath("$.progress").doesNotExist());
		mvc.perform(get("/api/reform/tasks/10").with(basic("leader")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.no").value(10))
				.andExpect(jsonPath("$.progress").value(30))
				.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
				.andExpect(jsonPath("$.history[0].kind").value("CONTRIBUTION"))
				.andExpect(jsonPath("$.history[1].kind").value("REPORT"))
				.andExpect(jsonPath("$.history[1].text").value("已完成方案起草"));
	}

	@Test
	void anUnknownTaskIsNotFound() throws Exception {
		mvc.perform(get("/api/reform/tasks/999").with(basic("leader"))).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").value("没有编号为 999 的改革任务。"));
		mvc.perform(report(999, HALF).with(basic("biomed"))).andExpect(status().isNotFound());
	}

	@Test
	void completedNeedsAHundredPercentAndAFallInProgressNeedsAReason() throws Exception {
		mvc.perform(report(16, """
				{"text": "备案模式已优化", "progress": 80, "status": "COMPLETED"}""").with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(hasItem("progress")))
				.andExpect(jsonPath("$.errors[0].message").value("标记为“已完成”时进度须为 100%"));
		mvc.perform(report(16, """
				{"text": "备案系统上线", "progress": 60, "status": "IN_PROGRESS"}""").with(basic("biomed")))
				.andExpect(status().isCreated());
		mvc.perform(report(16, """
				{"text": "范围扩大", "progress": 40, "status": "IN_PROGRESS"}""").with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("reason"))
				.andExpect(jsonPath("$.errors[0].message").value("进度低于上次报告的 60%，请说明原因"));
		mvc.perform(report(16, """
				{"text": "范围扩大", "progress": 40, "status": "IN_PROGRESS", "reason": "新增 3 类备案事项"}""")
				.with(basic("biomed")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.reason").value("新增 3 类备案事项"));
		mvc.perform(report(16, """
				{"text": "", "progress": 101}""").with(basic("biomed")))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("text", "progress", "status")));
	}

	@Test
	void theFormShowsChineseErrorsNextToTheFields() throws Exception {
		mvc.perform(multipart("/reform/tasks/{no}/reports", 17).param("text", " ").param("progress", "10")
				.param("status", "COMPLETED").with(as("family")).with(csrf()))
				.andExpect(status().isBadRequest())
				.andExpect(content().string(containsString("<p class=\"field-error\">请填写进展情况</p>")))
				.andExpect(content().string(containsString("<p class=\"field-error\">标记为“已完成”时进度须为 100%</p>")));
		mvc.perform(multipart("/reform/tasks/{no}/reports", 17).param("text", "宣传方案已确定").param("progress", "10")
				.param("status", "IN_PROGRESS").with(as("family")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		// the cooperating division (生物医药处) sees the contribution form, another division none
		mvc.perform(get("/reform/tasks/17").with(as("biomed"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("报送配合情况（配合部门）")));
		mvc.perform(get("/reform/tasks/17").with(as("office"))).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("<form action=\"/reform/tasks/17/reports\""))));
	}

	@Test
	void htmlInAReportIsStoredAsTextAndShownEscaped() throws Exception {
		String html = "<script>alert('x')</script><b>加粗</b>";
		mvc.perform(report(11, "{\"text\": \"" + html.replace("'", "\\u0027") + "\", \"progress\": 20, \"status\": \"IN_PROGRESS\"}")
				.with(basic("biomed")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.text").value(html));
		mvc.perform(get("/reform/tasks/11").with(as("leader")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;加粗&lt;/b&gt;")))
				.andExpect(content().string(not(containsString("<script>alert"))))
				.andExpect(content().string(not(containsString("<b>加粗"))));
	}

	@Test
	void everyReportIsInTheAuditLog() throws Exception {
		mvc.perform(report(6, """
				{"text": "外籍医疗人员执业政策已上报", "progress": 50, "status": "IN_PROGRESS"}""").with(basic("biomed")))
				.andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			var entries = auditLog.search("biomed", "reform.task.reported", "reform_task", "6", null, null, 0, 10)
					.entries();
			assertThat(entries).hasSize(1);
			assertThat(entries.get(0).after()).contains("\"progress\": 50").contains("IN_PROGRESS");
			assertThat(entries.get(0).before()).contains("NOT_STARTED");
		});
	}
}
