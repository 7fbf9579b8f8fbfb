package org.tongban.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/**
 * 差评整改 as 《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号） asks: a rating of
 * 不满意 or worse goes to the unit responsible, which contacts the person (here within 1 working day), puts it right
 * and answers (within 5 working days), and the person confirms or reopens. Dates on the 2026 calendar, where
 * 端午节 is 19–21 June: a Thursday's task is due on the Monday.
 */
class RectifyingBadRatingsTests extends FeedbackIntegrationTest {

	@org.springframework.beans.factory.annotation.Autowired
	RectificationWatch watch;

	@org.springframework.beans.factory.annotation.Autowired
	org.tongban.notification.Inbox inbox;

	@Test
	void deadlinesAreWorkingDaysAndOverdueTasksEscalate() throws Exception {
		clock.travelTo(LocalDate.of(2026, 6, 18));
		String id = granted();
		rate("citizen", id, rating("DECISION", 1, "\"超时办理\", \"材料反复要求\"", "补了三次材料")).andExpect(status().isCreated());
		UUID task = task(id);
		// Thursday 18 June: contact by Monday 22 (Friday–Sunday are 端午节), answer by Friday 26 June
		assertThat(date(task, "contact_due")).isEqualTo(LocalDate.of(2026, 6, 22));
		assertThat(date(task, "reply_due")).isEqualTo(LocalDate.of(2026, 6, 26));
		assertThat(jdbc.sql("SELECT unit FROM feedback_rectification WHERE id = ?").param(task).query(String.class).single())
			.isEqualTo("BIOMED");
		list("biomed").andExpect(jsonPath("$[?(@.id == '" + task + "')].warning").value("AMBER"));
		watch.escalate();
		assertThat(titles("biomed", "BIOMED")).contains("新的差评整改任务：护士执业注册", "差评整改即将到期");

		// not contacted on Monday: red on Tuesday, and the leaders are told — once
		clock.travelTo(LocalDate.of(2026, 6, 23));
		list("leader").andExpect(jsonPath("$[?(@.id == '" + task + "')].warning").value("RED"));
		watch.escalate();
		long leaders = titles("leader", "COMMISSION").stream().filter("差评整改已逾期（督办）"::equals).count();
		watch.escalate();
		assertThat(titles("leader", "COMMISSION").stream().filter("差评整改已逾期（督办）"::equals).count()).isEqualTo(leaders)
			.isPositive();
		act("biomed", task, "contact", "已电话联系申请人，了解补正情况").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CONTACTED")).andExpect(jsonPath("$.warning").value("GREEN"));
		clock.travelTo(LocalDate.of(2026, 6, 25));
		list("biomed").andExpect(jsonPath("$[?(@.id == '" + task + "')].warning").value("AMBER"));
		clock.travelTo(LocalDate.of(2026, 6, 26));
		act("approver", task, "reply", "已修订办事指南，明确材料要求").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REPLIED")).andExpect(jsonPath("$.repliedOnTime").value(true));

		// still dissatisfied: reopened on Monday 29 June, a new answer due five working days later, Monday 6 July
		clock.travelTo(LocalDate.of(2026, 6, 29));
		act("citizen", task, "reopen", "指南仍未写清").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REOPENED"));
		assertThat(date(task, "reply_due")).isEqualTo(LocalDate.of(2026, 7, 6));
		clock.travelTo(LocalDate.of(2026, 7, 7));
		list("biomed").andExpect(jsonPath("$[?(@.id == '" + task + "')].warning").value("RED"));
		act("biomed", task, "reply", "已再次修订并电话说明").andExpect(jsonPath("$.repliedOnTime").value(false));
		act("citizen", task, "confirm", null).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED"));
		act("citizen", task, "confirm", null).andExpect(status().isConflict());

		// every step with who and when
		assertThat(jdbc.sql("SELECT string_agg(action || ':' || actor, ',' ORDER BY id) FROM feedback_rectification_step"
				+ " WHERE rectification_id = ?").param(task).query(String.class).single())
			.isEqualTo("open:citizen,contact:biomed,reply:approver,reopen:citizen,reply:biomed,confirm:citizen");
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM identity_audit_entry WHERE subject_id = ?").param(task.toString()).query(Long.class)
			.single() >= 6);
	}

	@Test
	void onlyTheUnitActsOnlyTheApplicantAnswersOthersDoNotKnowTheTask() throws Exception {
		String id = granted();
		rate("citizen", id, rating("REVIEW", 2, "\"指引不清\"", null)).andExpect(status().isCreated());
		UUID task = task(id);
		act("medadmin", task, "contact", "联系").andExpect(status().isNotFound());
		act("enterprise", task, "contact", "联系").andExpect(status().isNotFound());
		act("leader", task, "contact", "联系").andExpect(status().isForbidden());
		act("citizen", task, "contact", "联系").andExpect(status().isForbidden());
		act("biomed", task, "confirm", null).andExpect(status().isForbidden());
		act("biomed", task, "contact", "").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("note"));
		act("biomed", task, "reply", "还没联系就答复").andExpect(status().isConflict());
		mvc.perform(get("/api/feedback/rectifications").with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/feedback/rectifications").with(basic("medadmin")))
			.andExpect(jsonPath("$[?(@.id == '" + task + "')]").isEmpty());
		// the units' page: the task with a form to record the contact, for the unit's staff
		mvc.perform(get("/feedback/rectifications").with(basic("biomed"))).andExpect(status().isOk())
			.andExpect(content().string(containsString("task-" + task)))
			.andExpect(content().string(containsString("记录联系")));
		mvc.perform(get("/feedback/rectifications").with(basic("inspector"))).andExpect(status().isForbidden());
	}

	@Test
	void aChangedBadRatingDoesNotOpenASecondTask() throws Exception {
		String id = accepted();
		rate("citizen", id, rating("ACCEPTANCE", 2, "\"态度差\"", null)).andExpect(status().isCreated());
		rate("citizen", id, rating("ACCEPTANCE", 1, "\"态度差\"", null)).andExpect(status().isOk());
		assertThat(jdbc.sql("SELECT count(*) FROM feedback_rectification WHERE case_id = ?::uuid AND unit = 'APPROVAL_CENTRE'")
			.param(id).query(Long.class).single()).isEqualTo(1);
	}

	java.util.List<String> titles(String user, String unit) {
		return inbox.messagesFor(user, unit, 500).stream().map(org.tongban.notification.Inbox.Message::title).toList();
	}

	ResultActions act(String user, UUID task, String action, String note) throws Exception {
		return mvc.perform(post("/api/feedback/rectifications/{id}/actions/{action}", task, action).with(basic(user))
				.contentType(MediaType.APPLICATION_JSON).content(note == null ? "{}" : "{\"note\": \"" + note + "\"}"));
	}

	ResultActions list(String user) throws Exception {
		return mvc.perform(get("/api/feedback/rectifications").with(basic(user))).andExpect(status().isOk());
	}

	UUID task(String caseId) {
		return jdbc.sql("SELECT id FROM feedback_rectification WHERE case_id = ?::uuid").param(caseId).query(UUID.class).single();
	}

	LocalDate date(UUID task, String column) {
		return jdbc.sql("SELECT " + column + " FROM feedback_rectification WHERE id = ?").param(task).query(LocalDate.class)
			.single();
	}
}
