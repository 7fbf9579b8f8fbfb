package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.notification.Inbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 办不成事: anyone reports what they could not get done — signed in as themselves, or anonymously with a phone or
 * e-mail address — and the unit responsible (the item's division, else the 审批服务中心) contacts them within
 * 1 working day and answers within 5; an overdue ticket is escalated once. Dates on the 2026 calendar, where
 * 端午节 is 19–21 June.
 */
class FilingTicketsTests extends FeedbackIntegrationTest {

	@Autowired
	TicketWatch watch;

	@Autowired
	Inbox inbox;

	@Autowired
	ConfigurableEnvironment env;

	@Autowired
	JsonMapper json;

	@Test
	void aSignedInCitizenFilesAboutAnItemAndTheDivisionAnswersInWorkingDaysAcrossAHoliday() throws Exception {
		clock.travelTo(LocalDate.of(2026, 6, 18));
		JsonNode filed = read(file(basic("citizen"), """
				{"text": "网上申请护士执业注册时上传不了体检证明", "itemCode": "%s", "where": "网上办事大厅"}""".formatted(ITEM))
			.andExpect(status().isCreated()).andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.token").doesNotExist())
			.andExpect(jsonPath("$.ticket.unit").value("BIOMED"))
			.andExpect(jsonPath("$.ticket.itemName").value("护士执业注册"))
			.andExpect(jsonPath("$.ticket.reporter").value("citizen")));
		UUID id = UUID.fromString(filed.get("id").asString());
		// Thursday 18 June: contact by Monday 22 (Friday–Sunday are 端午节), answer by Friday 26 June
		ticket("citizen", id).andExpect(status().isOk()).andExpect(jsonPath("$.contactDue").value("2026-06-22"))
			.andExpect(jsonPath("$.replyDue").value("2026-06-26")).andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.warning").value("AMBER"))
			.andExpect(jsonPath("$.allowedActions[0]").value("contact"));
		assertThat(messages("biomed", "BIOMED", id)).contains("新的办不成事反映：护士执业注册");

		// who reads it: the reporter, the division, the centre and the leaders; nobody else knows of it
		for (String user : List.of("biomed", "approver", "clerk", "leader")) {
			ticket(user, id).andExpect(status().isOk());
		}
		for (String user : List.of("enterprise", "medadmin", "inspector", "admin")) {
			ticket(user, id).andExpect(status().isNotFound()).andExpect(jsonPath("$.title").value("未找到"));
		}
		mvc.perform(get("/api/feedback/tickets/{id}", id)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/feedback/tickets").with(basic("biomed"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").isNotEmpty());
		mvc.perform(get("/api/feedback/tickets").with(basic("medadmin"))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.id == '" + id + "')]").isEmpty());
		mvc.perform(get("/api/feedback/tickets").with(basic("citizen"))).andExpect(status().isForbidden());

		// the wrong step for the state: 409 naming what is allowed; only the division acts, only the reporter reopens
		act("biomed", id, "reply", "还没联系就答复").andExpect(status().isConflict())
			.andExpect(jsonPath("$.allowedActions[0]").value("contact"))
			.andExpect(jsonPath("$.allowedActions[1]").value("handover"));
		act("leader", id, "contact", "联系").andExpect(status().isForbidden());
		act("citizen", id, "contact", "联系").andExpect(status().isForbidden());
		act("medadmin", id, "contact", "联系").andExpect(status().isNotFound());
		act("biomed", id, "contact", "").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("note"));
		// no hotline is configured here: the hand-over is refused in words, the ticket stays with the division
		act("biomed", id, "handover", null).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(containsString("12345 热线接口尚未配置")));

		act("biomed", id, "contact", "已电话联系，了解上传失败的情况").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONTACTED")).andExpect(jsonPath("$.warning").value("GREEN"));
		clock.travelTo(LocalDate.of(2026, 6, 26));
		act("approver", id, "reply", "体检证明已可上传，系统已修复").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPLIED")).andExpect(jsonPath("$.reply").value("体检证明已可上传，系统已修复"));
		act("biomed", id, "reopen", "仍不行").andExpect(status().isForbidden());
		// not satisfied on Monday 29 June: a new answer is due five working days later, Monday 6 July
		clock.travelTo(LocalDate.of(2026, 6, 29));
		act("citizen", id, "reopen", "换了浏览器仍然上传失败").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REOPENED")).andExpect(jsonPath("$.replyDue").value("2026-07-06"));
		act("biomed", id, "reply", "已远程协助上传成功").andExpect(status().isOk());
		act("biomed", id, "close", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
		act("citizen", id, "reopen", "再来").andExpect(status().isConflict())
			.andExpect(jsonPath("$.allowedActions").isEmpty());

		assertThat(jdbc.sql("SELECT string_agg(action || ':' || actor, ',' ORDER BY id) FROM feedback_ticket_step"
				+ " WHERE ticket_id = ?").param(id).query(String.class).single())
			.isEqualTo("file:citizen,contact:biomed,reply:approver,reopen:citizen,reply:biomed,close:biomed");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM identity_audit_entry WHERE subject_id = ? AND action LIKE 'feedback.ticket.%'")
			.param(id.toString()).query(Long.class).single() >= 6);
	}

	@Test
	void anAnonymousReporterMustLeaveAContactAndFollowsTheTicketWithItsToken() throws Exception {
		file(anonymous(), "{\"text\": \"窗口说要去别的部门开证明\"}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.errors[0].field").value("contact"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("手机号码或电子邮箱")));
		file(anonymous(), "{\"text\": \"窗口说要去别的部门开证明\", \"contact\": \"不告诉你\"}")
			.andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("contact"));
		JsonNode filed = read(file(anonymous(), """
				{"text": "窗口说要去别的部门开证明", "contact": "13912345678", "where": "窗口"}""")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.token").isString())
			.andExpect(jsonPath("$.ticket.unit").value("APPROVAL_CENTRE"))
			.andExpect(jsonPath("$.ticket.reporter").doesNotExist()));
		UUID id = UUID.fromString(filed.get("id").asString());
		String token = filed.get("token").asString();
		assertThat(jdbc.sql("SELECT token_hash FROM feedback_ticket WHERE id = ?").param(id).query(String.class).single())
			.isNotEqualTo(token).hasSize(64);

		mvc.perform(get("/api/feedback/tickets/{id}", id)).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/feedback/tickets/{id}", id).header("X-Ticket-Token", "wrong-token"))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/feedback/tickets/{id}", id).header("X-Ticket-Token", token)).andExpect(status().isOk())
			.andExpect(jsonPath("$.contact").value("13912345678"));
		// a token opens its own ticket only
		UUID other = UUID.fromString(read(file(anonymous(), "{\"text\": \"另一件\", \"contact\": \"a@example.cn\"}")
			.andExpect(status().isCreated())).get("id").asString());
		mvc.perform(get("/api/feedback/tickets/{id}", other).header("X-Ticket-Token", token)).andExpect(status().isNotFound());
		// a signed-in citizen who did not file it does not know of it, nor do other divisions
		ticket("citizen", id).andExpect(status().isNotFound());
		ticket("biomed", id).andExpect(status().isNotFound());
		ticket("clerk", id).andExpect(status().isOk());

		// the centre answers; the anonymous reporter reopens with the token, on the page too
		act("clerk", id, "contact", "已电话联系").andExpect(status().isOk());
		act("clerk", id, "reply", "已协调，无需另开证明").andExpect(status().isOk());
		mvc.perform(get("/feedback/tickets/{id}", id).param("token", token)).andExpect(status().isOk())
			.andExpect(content().string(containsString("已协调，无需另开证明")))
			.andExpect(content().string(containsString("action-reopen")))
			.andExpect(content().string(not(containsString("action-close"))));
		mvc.perform(post("/feedback/tickets/{id}/reopen", id).param("token", token).param("note", "窗口仍然要求"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/feedback/tickets/{id}/reopen", id).param("token", "wrong").param("note", "窗口仍然要求")
				.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(post("/feedback/tickets/{id}/reopen", id).param("token", token).param("note", "窗口仍然要求").with(csrf()))
			.andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/feedback/tickets/" + id + "?done=reopen&token=*"));
		ticket("clerk", id).andExpect(jsonPath("$.status").value("REOPENED"));
	}

	@Test
	void badInputIsRefusedFieldByFieldAndHtmlStaysText() throws Exception {
		file(basic("citizen"), "{\"text\": \"" + "办".repeat(1001) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("不能超过 1000 字")));
		file(basic("citizen"), "{\"text\": \"  \", \"itemCode\": \"NO-SUCH-ITEM\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text")).andExpect(jsonPath("$.errors[1].field").value("itemCode"));
		file(basic("citizen"), "{\"text\": \"x\", \"where\": \"" + "窗".repeat(201) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("where"));
		file(basic("citizen"), "").andExpect(status().isBadRequest());
		// the page shows the same messages beside the fields, and keeps what was typed
		mvc.perform(post("/feedback/tickets").param("text", "").param("contact", "").with(csrf()))
			.andExpect(status().isBadRequest()).andExpect(content().string(containsString("请填写您想办而没有办成的事")))
			.andExpect(content().string(containsString("以便我们联系您")));
		mvc.perform(post("/feedback/tickets").param("text", "要办的事")).andExpect(status().isForbidden());

		String html = "<script>alert('办不成')</script><b>窗口不收</b>";
		UUID id = UUID.fromString(read(file(basic("citizen"), json.writeValueAsString(Map.of("text", html)))
			.andExpect(status().isCreated()).andExpect(jsonPath("$.ticket.text").value(html))).get("id").asString());
		mvc.perform(get("/feedback/tickets/{id}", id).with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(&#39;办不成&#39;)&lt;/script&gt;&lt;b&gt;")))
			.andExpect(content().string(not(containsString("<script>alert"))));
	}

	@Test
	void theEntryIsOfferedOnItemPagesInTheAssistantsNotFoundAnswerAndInTheFooter() throws Exception {
		mvc.perform(get("/catalogue/items/{code}", ITEM)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/feedback/tickets/new?item=" + ITEM)));
		mvc.perform(post("/assistant").with(csrf()).param("question", "社保卡怎么办理")).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"assistant-ticket\"")));
		mvc.perform(get("/")).andExpect(status().isOk()).andExpect(content().string(containsString("办不成事反映")));
		mvc.perform(get("/feedback/tickets/new").param("item", ITEM)).andExpect(status().isOk())
			.andExpect(content().string(containsString("护士执业注册")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aFloodFromOneAddressIsLimited() throws Exception {
		MapPropertySource low = new MapPropertySource("low-ticket-limit",
				Map.of("tongban.rate-limits.feedback-tickets.capacity", "3", "tongban.rate-limits.feedback-tickets.period", "PT1H"));
		env.getPropertySources().addFirst(low);
		try {
			String ip = "203.0.113." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250));
			for (int i = 0; i < 3; i++) {
				file(from(ip), "{\"text\": \"第" + i + "件\", \"contact\": \"13800000000\"}").andExpect(status().isCreated());
			}
			file(from(ip), "{\"text\": \"第四件\", \"contact\": \"13800000000\"}").andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After")).andExpect(jsonPath("$.title").value("请求过于频繁"));
			mvc.perform(post("/feedback/tickets").param("text", "第五件").param("contact", "13800000000").with(csrf())
					.with(from(ip))).andExpect(status().isTooManyRequests());
			file(from("198.51.100." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250))),
					"{\"text\": \"别处的一件\", \"contact\": \"13800000000\"}").andExpect(status().isCreated());
		}
		finally {
			env.getPropertySources().remove("low-ticket-limit");
		}
	}

	@Test
	void anOverdueTicketIsEscalatedOnce() throws Exception {
		clock.travelTo(LocalDate.of(2026, 6, 18));
		UUID id = UUID.fromString(read(file(basic("citizen"), "{\"text\": \"办不成\", \"itemCode\": \"" + ITEM + "\"}")
			.andExpect(status().isCreated())).get("id").asString());
		watch.escalate();
		watch.escalate();
		assertThat(messages("biomed", "BIOMED", id)).containsOnlyOnce("办不成事即将到期");
		// not contacted by Monday 22 June: red on Tuesday, the division and the leaders told once
		clock.travelTo(LocalDate.of(2026, 6, 23));
		ticket("biomed", id).andExpect(jsonPath("$.warning").value("RED"));
		watch.escalate();
		watch.escalate();
		assertThat(messages("biomed", "BIOMED", id)).containsOnlyOnce("办不成事已逾期");
		assertThat(messages("leader", "COMMISSION", id)).containsOnlyOnce("办不成事已逾期（督办）");
		// the staff list shows the warning
		mvc.perform(get("/feedback/tickets").with(basic("biomed"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("ticket-" + id))).andExpect(content().string(containsString("红色：已逾期")));
		mvc.perform(get("/feedback/tickets").with(basic("inspector"))).andExpect(status().isForbidden());
		mvc.perform(get("/feedback/tickets").with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("ticket-" + id)));
	}

	List<String> messages(String user, String unit, UUID ticket) {
		return inbox.messagesFor(user, unit, 1000).stream().filter(m -> ("/feedback/tickets/" + ticket).equals(m.link()))
			.map(Inbox.Message::title).toList();
	}

	ResultActions file(RequestPostProcessor who, String body) throws Exception {
		return mvc.perform(post("/api/feedback/tickets").with(who).with(from(null))
				.contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions ticket(String user, UUID id) throws Exception {
		return mvc.perform(get("/api/feedback/tickets/{id}", id).with(basic(user)));
	}

	ResultActions act(String user, UUID id, String action, String note) throws Exception {
		return mvc.perform(post("/api/feedback/tickets/{id}/actions/{action}", id, action).with(basic(user))
				.contentType(MediaType.APPLICATION_JSON).content(note == null ? "{}" : json.writeValueAsString(Map.of("note", note))));
	}

	JsonNode read(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	static RequestPostProcessor anonymous() {
		return request -> request;
	}

	/** Calls from {@code ip}; null keeps an address set before (a test's own) and gives the rest one of their own. */
	static RequestPostProcessor from(String ip) {
		return request -> {
			if (ip != null) {
				request.setRemoteAddr(ip);
			}
			else if ("127.0.0.1".equals(request.getRemoteAddr())) {
				request.setRemoteAddr("192.0.2." + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 250)));
			}
			return request;
		};
	}
}
