package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.notification.Inbox;

import tools.jackson.databind.JsonNode;

/**
 * 行政执法公示 (《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》,
 * 国办发〔2018〕118号, part 二: 行政执法决定信息在执法决定作出之日起 7 个工作日内公开): the due date counts working days by
 * the holiday arrangement, staff see what is unpublished and what is about to be overdue, and the public sees the
 * organisation, the violation, the basis and the decision, never a person's data or the staff's names.
 */
class PublishingPenaltyDecisionsTests extends PenaltyCaseTest {

	@Autowired
	PublicationWatch watch;

	@Autowired
	Inbox inbox;

	@Test
	void theDueDateIsSevenWorkingDaysAfterTheDecisionAcrossTheNationalDayHolidays() throws Exception {
		// Wednesday 30 September 2026: 1–7 October are holidays and Saturday 10 October a make-up working day
		// (the 2026 arrangement in the calendar), so the 7 working days are 8, 9, 10, 12, 13, 14 and 15 October
		clock.travelTo(LocalDateTime.of(2026, 9, 30, 15, 0));
		String id = open("inspector", "PUBLIC_PLACE");
		expect(propose("inspector", id, "PP-HEALTH-CERT", "GENERAL", 2000L, null, "WARNING", "FINE"), 200);
		JsonNode decided = expect(decide("supervisor", id), 200);
		String number = decided.get("decisionNumber").asString();
		assertThat(decided.get("decidedOn").asString()).isEqualTo("2026-09-30");
		assertThat(decided.get("publicationDue").asString()).isEqualTo("2026-10-15");

		clock.travelTo(LocalDate.of(2026, 10, 9));
		assertThat(row(id).get("urgency").asString()).isEqualTo("ON_TIME");
		assertThat(row(id).get("workingDaysLeft").asInt()).isEqualTo(5);
		watch.warn();
		assertThat(messagesAbout(number)).isEmpty();
		clock.travelTo(LocalDate.of(2026, 10, 13));
		assertThat(row(id).get("urgency").asString()).isEqualTo("DUE_SOON");
		assertThat(row(id).get("workingDaysLeft").asInt()).isEqualTo(2);
		// the institute is told once, however often the watch runs
		watch.warn();
		watch.warn();
		assertThat(messagesAbout(number)).extracting(Inbox.Message::title).containsExactly("行政处罚决定即将到期未公示");
		clock.travelTo(LocalDate.of(2026, 10, 16));
		assertThat(row(id).get("urgency").asString()).isEqualTo("OVERDUE");
		watch.warn();
		assertThat(messagesAbout(number)).extracting(Inbox.Message::title)
			.containsExactlyInAnyOrder("行政处罚决定即将到期未公示", "行政处罚决定已逾期未公示");
		// the staff page warns too
		String page = mvc.perform(get("/supervision/penalties").with(basic("supervisor"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("已逾期").contains("2026-10-15");

		JsonNode published = expect(call("supervisor", "/api/supervision/penalties/" + id + "/publication", ""), 200);
		assertThat(published.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(published.get("record").get(3).get("detail").asString()).contains("逾期");
		assertThat(expect(read("supervisor", "/api/supervision/penalty-publications"), 200))
			.extracting(r -> r.get("id").asString()).doesNotContain(id);
		expect(call("supervisor", "/api/supervision/penalties/" + id + "/publication", ""), 409);
	}

	@Test
	void thePublicSeesTheDecisionButNoPersonalDataAndNoStaffNames() throws Exception {
		String uscc = newUscc();
		register(uscc, "PUBLIC_PLACE");
		String id = open("inspector", uscc, "群众举报，从业人员王小明无健康证上岗").get("id").asString();
		expect(propose("inspector", id, "PP-HEALTH-CERT", "GENERAL", 2500L, null, "WARNING", "FINE"), 200);
		String number = expect(decide("supervisor", id), 200).get("decisionNumber").asString();
		// not yet published: not public
		assertThat(publicJson()).extracting(p -> p.get("id").asString()).doesNotContain(id);
		expect(call("supervisor", "/api/supervision/penalties/" + id + "/publication", ""), 200);

		JsonNode item = null;
		for (JsonNode p : publicJson()) {
			if (p.get("id").asString().equals(id)) {
				item = p;
			}
		}
		assertThat(item).isNotNull();
		assertThat(item.get("uscc").asString()).isEqualTo(uscc);
		assertThat(item.get("decisionNumber").asString()).isEqualTo(number);
		assertThat(item.get("penaltyBasis").asString()).contains("第三十八条");
		assertThat(item.get("decision").asString()).isEqualTo("警告；罚款人民币 2500 元");
		assertThat(item.propertyNames()).containsExactlyInAnyOrder("id", "decisionNumber", "entityName", "uscc",
				"violation", "violated", "penaltyBasis", "decision", "decidedOn", "publishedOn");
		String raw = mvc.perform(get("/api/public/penalties")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		String page = mvc.perform(get("/public/penalties")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		for (String text : new String[] {raw, page}) {
			assertThat(text).contains(number).doesNotContain("王小明").doesNotContain("健康合格证明直接为顾客服务，有现场笔录")
				.doesNotContain("inspector").doesNotContain("赵监督员").doesNotContain("孙科长").doesNotContain("supervisor");
		}
	}

	private List<Inbox.Message> messagesAbout(String number) {
		return inbox.messagesFor("supervisor", PublicationWatch.UNIT, 500).stream()
			.filter(m -> m.body().contains(number)).toList();
	}

	private JsonNode publicJson() throws Exception {
		return json.readTree(mvc.perform(get("/api/public/penalties")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private JsonNode row(String id) throws Exception {
		for (JsonNode r : expect(read("supervisor", "/api/supervision/penalty-publications"), 200)) {
			if (r.get("id").asString().equals(id)) {
				return r;
			}
		}
		throw new AssertionError("case " + id + " is not among the unpublished decisions");
	}
}
