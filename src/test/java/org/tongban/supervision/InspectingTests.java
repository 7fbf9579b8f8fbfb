package org.tongban.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.shared.Sm3;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.support.Applying;

import tools.jackson.databind.JsonNode;

/**
 * An inspection from the draw to the follow-up: only its two inspectors see and record it, the sector's form is
 * checked item by item, photos are images by their bytes, a non-compliant item ends in a rectification order
 * (《中华人民共和国行政处罚法》第二十八条：责令当事人改正或者限期改正违法行为) due in working days, an overdue order warns
 * the inspectors and the planner once, and every step is in the full-process record, whose chain verifies.
 */
class InspectingTests extends SupervisionIntegrationTest {

	@Autowired
	Register register;

	@Autowired
	Draws draws;

	@Autowired
	InspectionForms forms;

	@Autowired
	RectificationOrders orders;

	@Autowired
	WorkingDayCalendar calendar;

	InspectionFixture.Drawn drawn(Sector sector) {
		return InspectionFixture.draw(jdbc, register, draws, inspectors, accounts, sector, "2026-Q4");
	}

	static RequestPostProcessor as(InspectionFixture.Drawn d) {
		return httpBasic(d.inspector(), d.password());
	}

	/** A form answer with every item of the sector's form: {@code failing} items NON_COMPLIANT, the rest COMPLIANT. */
	String finishBody(Sector sector, Set<String> failing, Integer days) {
		StringBuilder items = new StringBuilder();
		for (InspectionForms.Item i : forms.of(sector).items()) {
			boolean bad = failing.contains(i.code());
			items.append(items.isEmpty() ? "" : ", ").append('"').append(i.code()).append("\": {\"result\": \"")
				.append(bad ? "NON_COMPLIANT" : "COMPLIANT").append("\", \"note\": \"")
				.append(bad ? "现场发现问题" : "").append("\"}");
		}
		return "{\"items\": {" + items + "}, \"findings\": \"现场检查情况良好\""
				+ (days == null ? "" : ", \"workingDays\": " + days + ", \"requirement\": \"限期整改并报告\"") + "}";
	}

	@Test
	void anInspectorSeesAndRecordsOnlyTheirOwnInspections() throws Exception {
		var d = drawn(Sector.PUBLIC_PLACE);
		String otherUser = "insp-other-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new AccountManagement.NewAccount(otherUser, "另一执法员", InspectionFixture.PASSWORD,
				Set.of(Role.INSPECTOR), "SUPERVISION_INSTITUTE", null, null, null));
		inspectors.enrol("检-9" + (100 + new java.util.Random().nextInt(899)) + "1", otherUser, "另一执法员",
				List.of(Sector.PUBLIC_PLACE));
		RequestPostProcessor other = httpBasic(otherUser, InspectionFixture.PASSWORD);

		// the assigned inspector: on their list, their page, their API
		String list = mvc.perform(get("/supervision/inspections").with(as(d))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(list).contains(d.name(), "我的监督检查任务");
		mvc.perform(get("/supervision/inspections/" + d.inspection()).with(as(d))).andExpect(status().isOk());
		JsonNode mine = json.readTree(mvc.perform(get("/api/supervision/inspections?mine=true").with(as(d)))
			.andReturn().getResponse().getContentAsString());
		List<String> ids = new ArrayList<>();
		mine.forEach(n -> ids.add(n.get("id").asString()));
		assertThat(ids).contains(d.inspection().toString());

		// another inspector: not on their list, and the inspection does not exist for them
		assertThat(mvc.perform(get("/supervision/inspections").with(other)).andReturn().getResponse().getContentAsString())
			.doesNotContain(d.name());
		mvc.perform(get("/supervision/inspections/" + d.inspection()).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/supervision/inspections/" + d.inspection()).with(other)).andExpect(status().isNotFound());
		mvc.perform(get("/api/supervision/inspections/" + d.inspection() + "/record").with(other))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/supervision/inspections/" + d.inspection() + "/finish").with(other)
			.contentType(MediaType.APPLICATION_JSON).content(finishBody(Sector.PUBLIC_PLACE, Set.of(), null)))
			.andExpect(status().isNotFound());
		mvc.perform(multipart("/api/supervision/inspections/" + d.inspection() + "/photos")
			.file(new MockMultipartFile("file", "a.png", "image/png", InspectionFixture.image("png"))).with(other))
			.andExpect(status().isNotFound());
		// an enterprise or a citizen is refused at the door
		mvc.perform(get("/api/supervision/inspections/" + d.inspection()).with(basic("enterprise")))
			.andExpect(status().isForbidden());
		// the planner reads every inspection but records none
		mvc.perform(get("/api/supervision/inspections/" + d.inspection()).with(basic("supervisor")))
			.andExpect(status().isOk());
		mvc.perform(post("/api/supervision/inspections/" + d.inspection() + "/finish").with(basic("supervisor"))
			.contentType(MediaType.APPLICATION_JSON).content(finishBody(Sector.PUBLIC_PLACE, Set.of(), null)))
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_inspection_result WHERE inspection_id = ?")
			.param(d.inspection()).query(Long.class).single()).isZero();
	}

	@Test
	void theFormIsCheckedItemByItemAndKeepsItsVersion() throws Exception {
		var d = drawn(Sector.MEDICAL);
		List<InspectionForms.Item> items = forms.of(Sector.MEDICAL).items();
		String body = """
				{"items": {"%s": {"result": "COMPLIANT"}, "%s": {"result": "NON_COMPLIANT"}, "%s": {"result": "也许"},
				 "XX-99": {"result": "COMPLIANT"}}, "findings": " "}"""
			.formatted(items.get(0).code(), items.get(1).code(), items.get(2).code());
		JsonNode refused = postAs(d, "/api/supervision/inspections/" + d.inspection() + "/finish", body, 400);
		List<String> messages = new ArrayList<>();
		refused.get("errors").forEach(e -> messages.add(e.get("field").asString() + "=" + e.get("message").asString()));
		assertThat(messages).contains(
				"items.XX-99=检查表中没有项目“XX-99”（医疗机构检查表 " + forms.version() + "）",
				"items." + items.get(1).code() + "=第 2 项“" + items.get(1).item() + "”不符合，请写明发现的具体问题",
				"items." + items.get(2).code() + "=第 3 项“" + items.get(2).item() + "”的检查结果“也许”无效，须为符合、不符合或不适用",
				"items." + items.get(3).code() + "=第 4 项“" + items.get(3).item() + "”未填写检查结果（符合、不符合或不适用）",
				"items." + items.get(4).code() + "=第 5 项“" + items.get(4).item() + "”未填写检查结果（符合、不符合或不适用）",
				"findings=请填写检查结论（现场检查情况）",
				"workingDays=有不符合项，须责令改正：请填写整改期限（1–60 个工作日）",
				"requirement=有不符合项，须责令改正：请写明整改要求");
		assertThat(refused.get("title").asString()).isNotBlank();

		JsonNode done = postAs(d, "/api/supervision/inspections/" + d.inspection() + "/finish",
				finishBody(Sector.MEDICAL, Set.of(), null), 201);
		assertThat(done.get("outcome").asString()).isEqualTo("COMPLIANT");
		assertThat(done.get("formVersion").asString()).isEqualTo(forms.version());
		assertThat(done.get("items")).hasSize(items.size());
		assertThat(done.get("items").get(0).get("basis").asString()).isEqualTo(items.get(0).basis());
		// finished is finished
		postAs(d, "/api/supervision/inspections/" + d.inspection() + "/finish", finishBody(Sector.MEDICAL, Set.of(), null), 409);
	}

	@Test
	void aPhotoMustBeAnImageByItsBytes() throws Exception {
		var d = drawn(Sector.DRINKING_WATER);
		String path = "/api/supervision/inspections/" + d.inspection() + "/photos";
		// a PDF renamed to .jpg and sent as image/jpeg
		String refused = mvc.perform(multipart(path).file(new MockMultipartFile("file", "现场.jpg", "image/jpeg",
				Applying.pdf("not a photo"))).with(as(d)))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(json.readTree(refused).get("errors").get(0).get("message").asString())
			.isEqualTo("照片“现场.jpg”不是照片：按文件内容识别为PDF 文档。只接受 JPG、PNG 格式的图片，判断依据是文件内容，不是扩展名。");
		// over 10 MB
		mvc.perform(multipart(path).file(new MockMultipartFile("file", "big.jpg", "image/jpeg",
				new byte[(int) InspectionPhotos.MAX_BYTES + 1])).with(as(d)))
			.andExpect(status().isPayloadTooLarge());
		assertThat(jdbc.sql("SELECT count(*) FROM supervision_inspection_photo WHERE inspection_id = ?")
			.param(d.inspection()).query(Long.class).single()).isZero();

		byte[] jpeg = InspectionFixture.image("jpg");
		JsonNode photo = json.readTree(mvc.perform(multipart(path).file(new MockMultipartFile("file", "tap.bin",
				"application/octet-stream", jpeg)).with(as(d))).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString());
		assertThat(photo.get("mediaType").asString()).isEqualTo("image/jpeg");
		assertThat(photo.get("sm3").asString()).isEqualTo(Sm3.hex(jpeg));
		// the photo's SM3 is in the full-process record, and the stored bytes come back
		JsonNode record = getAs(d, "/api/supervision/inspections/" + d.inspection() + "/record");
		assertThat(record.get("steps").get(0).get("step").asString()).isEqualTo("PHOTO");
		assertThat(record.get("steps").get(0).get("evidenceSm3").asString()).isEqualTo(Sm3.hex(jpeg));
		byte[] back = mvc.perform(get("/supervision/inspections/" + d.inspection() + "/photos/" + photo.get("id").asString())
			.with(as(d))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(back).isEqualTo(jpeg);
	}

	@Test
	void theRectificationDeadlineCountsWorkingDaysAcrossNationalDay() throws Exception {
		var d = drawn(Sector.PUBLIC_PLACE);
		// Wednesday 30 September 2026: 1–7 October are off, Saturday 10 October is a make-up working day
		clock.travelTo(LocalDateTime.of(2026, 9, 30, 15, 0));
		String failing = forms.of(Sector.PUBLIC_PLACE).items().get(1).code();
		JsonNode done = postAs(d, "/api/supervision/inspections/" + d.inspection() + "/finish",
				finishBody(Sector.PUBLIC_PLACE, Set.of(failing), 3), 201);
		assertThat(done.get("outcome").asString()).isEqualTo("RECTIFY");
		JsonNode order = done.get("order");
		assertThat(order.get("issuedOn").asString()).isEqualTo("2026-09-30");
		// 8 October, 9 October, 10 October (the make-up Saturday): not 3 October, as calendar days would give
		assertThat(order.get("due").asString()).isEqualTo("2026-10-10");
		assertThat(LocalDate.parse(order.get("due").asString())).isEqualTo(calendar.plusWorkingDays(LocalDate.of(2026, 9, 30), 3));
		assertThat(order.get("items")).hasSize(1);
		assertThat(order.get("items").get(0).asString()).isEqualTo(failing);
	}

	@Test
	void anOverdueOrderWarnsTheInspectorsAndThePlannerOnceAndTheEntityIsTold() throws Exception {
		var d = drawn(Sector.MEDICAL_BEAUTY);
		String enterprise = "ent-insp-" + d.uscc().substring(10).toLowerCase();
		accounts.create(new AccountManagement.NewAccount(enterprise, d.name(), "Enterprise-check-2026!",
				Set.of(Role.ENTERPRISE), null, null, d.uscc(), null));
		clock.travelTo(LocalDateTime.of(2026, 11, 2, 10, 0));
		String failing = forms.of(Sector.MEDICAL_BEAUTY).items().get(2).code();
		JsonNode done = postAs(d, "/api/supervision/inspections/" + d.inspection() + "/finish",
				finishBody(Sector.MEDICAL_BEAUTY, Set.of(failing), 5), 201);
		assertThat(done.get("order").get("due").asString()).isEqualTo("2026-11-09");
		assertThat(messages(enterprise, "责令改正通知")).isEqualTo(1);

		// on the due date it is not yet overdue
		clock.travelTo(LocalDateTime.of(2026, 11, 9, 18, 0));
		orders.warnOverdue();
		String link = "/supervision/inspections/" + d.inspection();
		assertThat(warnings(link)).isZero();
		// the next day it is, and each person is told once however often the watch runs
		clock.travelTo(LocalDateTime.of(2026, 11, 10, 9, 0));
		orders.warnOverdue();
		orders.warnOverdue();
		clock.travelTo(LocalDateTime.of(2026, 11, 11, 9, 0));
		orders.warnOverdue();
		List<String> told = jdbc.sql("SELECT recipient_username FROM notification_message WHERE link = ? AND title = ? "
				+ "ORDER BY recipient_username").params(link, "责令改正逾期未复查").query(String.class).list();
		// the second inspector is told too when they have an account (most demo inspectors have none)
		java.util.Set<String> expected = new java.util.TreeSet<>(Set.of(d.inspector(), "supervisor"));
		inspectors.find(d.otherCode()).map(Inspectors.Inspector::username).ifPresent(expected::add);
		assertThat(told).containsExactlyInAnyOrderElementsOf(expected);
		JsonNode record = getAs(d, "/api/supervision/inspections/" + d.inspection() + "/record");
		List<String> steps = new ArrayList<>();
		record.get("steps").forEach(s -> steps.add(s.get("step").asString()));
		assertThat(steps).containsExactly("INSPECTED", "RECTIFICATION_ORDERED", "OVERDUE_WARNED");
		assertThat(getAs(d, "/api/supervision/inspections/" + d.inspection()).get("order").get("overdue").asBoolean()).isTrue();
	}

	@Test
	void theFullProcessRecordOfAnInspectionVerifiesAndTheOutcomeIsPublished() throws Exception {
		var d = drawn(Sector.OCCUPATIONAL);
		clock.travelTo(LocalDateTime.of(2026, 11, 16, 9, 30));
		String id = d.inspection().toString();
		byte[] before = InspectionFixture.image("png");
		mvc.perform(multipart("/api/supervision/inspections/" + id + "/photos")
			.file(new MockMultipartFile("file", "before.png", "image/png", before)).with(as(d))).andExpect(status().isCreated());
		assertThat(publicOutcome(d)).isEqualTo("未检查");
		String failing = forms.of(Sector.OCCUPATIONAL).items().get(3).code();
		postAs(d, "/api/supervision/inspections/" + id + "/finish", finishBody(Sector.OCCUPATIONAL, Set.of(failing), 10), 201);
		assertThat(publicOutcome(d)).isEqualTo("责令改正");

		// a follow-up without a photo is refused; with one, the order is rectified
		mvc.perform(multipart("/api/supervision/inspections/" + id + "/follow-up").param("rectified", "true")
			.param("note", "警示标识已设置").with(as(d))).andExpect(status().isBadRequest());
		clock.travelTo(LocalDateTime.of(2026, 11, 25, 14, 0));
		byte[] after = InspectionFixture.image("png");
		JsonNode followed = json.readTree(mvc.perform(multipart("/api/supervision/inspections/" + id + "/follow-up")
			.file(new MockMultipartFile("file", "after.png", "image/png", after)).param("rectified", "true")
			.param("note", "警示标识已设置").with(as(d))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(followed.get("outcome").asString()).isEqualTo("RECTIFIED");
		assertThat(followed.get("order").get("status").asString()).isEqualTo("RECTIFIED");
		mvc.perform(multipart("/api/supervision/inspections/" + id + "/follow-up")
			.file(new MockMultipartFile("file", "again.png", "image/png", InspectionFixture.image("png")))
			.param("rectified", "false").param("note", "再次复查").with(as(d))).andExpect(status().isConflict());

		JsonNode record = getAs(d, "/api/supervision/inspections/" + id + "/record");
		assertThat(record.get("intact").asBoolean()).isTrue();
		List<String> steps = new ArrayList<>();
		record.get("steps").forEach(s -> steps.add(s.get("step").asString()));
		assertThat(steps).containsExactly("PHOTO", "INSPECTED", "RECTIFICATION_ORDERED", "FOLLOW_UP_PHOTO", "FOLLOW_UP");
		assertThat(record.get("steps").get(0).get("evidenceSm3").asString()).isEqualTo(Sm3.hex(before));
		assertThat(record.get("steps").get(3).get("evidenceSm3").asString()).isEqualTo(Sm3.hex(after));
		assertThat(record.get("steps").get(1).get("actor").asString()).isEqualTo(d.inspector());

		// 一公开: the outcome, without the inspector's name or account
		assertThat(publicOutcome(d)).isEqualTo("已整改");
		String page = mvc.perform(get("/public/draws/" + d.draw())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
		String publicJson = mvc.perform(get("/api/public/draws/" + d.draw())).andReturn().getResponse().getContentAsString();
		for (String published : List.of(page, publicJson)) {
			assertThat(published).contains("已整改").doesNotContain(d.inspector() + "\"").doesNotContain("测试执法员")
				.doesNotContain("警示标识已设置");
		}
	}

	@Test
	void plannersEnrolInspectorsAndAnInspectorDeclaresOnlyTheirOwnConflicts() throws Exception {
		JsonNode refused = postJson("supervisor", "/api/supervision/inspectors",
				"{\"code\": \"9\", \"username\": \"citizen\", \"name\": \"\", \"sectors\": [\"MEDICAL\", \"BAKERY\"]}", 400);
		List<String> messages = new ArrayList<>();
		refused.get("errors").forEach(e -> messages.add(e.get("field").asString() + "=" + e.get("message").asString()));
		assertThat(messages).containsExactlyInAnyOrder("code=执法人员编号须为“检-”加 4–6 位数字",
				"name=请填写执法人员姓名（50 字以内）", "username=账户“citizen”不存在、已停用或不是监督执法人员",
				"sectors=未知的行业“BAKERY”");
		mvc.perform(post("/api/supervision/inspectors").with(basic("inspector")).contentType(MediaType.APPLICATION_JSON)
			.content("{}")).andExpect(status().isForbidden());

		String username = "insp-enrol-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.create(new AccountManagement.NewAccount(username, "孙执法员", InspectionFixture.PASSWORD,
				Set.of(Role.INSPECTOR), "SUPERVISION_INSTITUTE", null, null, null));
		String code = "检-8" + String.format("%04d", new java.util.Random().nextInt(10000));
		JsonNode enrolled = postJson("supervisor", "/api/supervision/inspectors", """
				{"code": "%s", "username": "%s", "name": "孙执法员", "sectors": ["MEDICAL", "MEDICAL_BEAUTY"]}"""
			.formatted(code, username), 201);
		assertThat(enrolled.get("sectors")).hasSize(2);
		assertThat(inspectors.qualified(Sector.MEDICAL_BEAUTY)).contains(code);

		String uscc = newUscc();
		RequestPostProcessor self = httpBasic(username, InspectionFixture.PASSWORD);
		mvc.perform(post("/api/supervision/inspectors/" + code + "/conflicts").with(self)
			.contentType(MediaType.APPLICATION_JSON).content("{\"uscc\": \"" + uscc + "\", \"reason\": \"配偶在该单位任职\"}"))
			.andExpect(status().isCreated());
		assertThat(inspectors.conflicted(uscc, code)).isTrue();
		// not someone else's
		mvc.perform(post("/api/supervision/inspectors/检-0002/conflicts").with(self)
			.contentType(MediaType.APPLICATION_JSON).content("{\"uscc\": \"" + uscc + "\", \"reason\": \"代他人申报\"}"))
			.andExpect(status().isForbidden());
		assertThat(inspectors.conflicted(uscc, "检-0002")).isFalse();
		JsonNode bad = postJson("supervisor", "/api/supervision/inspectors/" + code + "/conflicts",
				"{\"uscc\": \"91310115MA1K3Y4N2X\", \"reason\": \"\"}", 400);
		assertThat(bad.get("errors")).hasSize(2);
		assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'supervision.conflict.declare' "
				+ "AND subject_id = ? AND actor = ?").params(code, username).query(Long.class).single()).isEqualTo(1);
	}

	private String publicOutcome(InspectionFixture.Drawn d) throws Exception {
		JsonNode draw = json.readTree(mvc.perform(get("/api/public/draws/" + d.draw())).andReturn().getResponse()
			.getContentAsString());
		for (JsonNode o : draw.get("outcomes")) {
			if (o.get("uscc").asString().equals(d.uscc())) {
				return o.get("outcomeLabel").asString();
			}
		}
		throw new AssertionError("no outcome for " + d.uscc());
	}

	private long messages(String username, String title) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE recipient_username = ? AND title = ?")
			.params(username, title).query(Long.class).single();
	}

	private long warnings(String link) {
		return jdbc.sql("SELECT count(*) FROM notification_message WHERE link = ?").param(link).query(Long.class).single();
	}

	private JsonNode postAs(InspectionFixture.Drawn d, String path, String body, int expected) throws Exception {
		return json.readTree(mvc.perform(post(path).with(as(d)).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().is(expected)).andReturn().getResponse().getContentAsString());
	}

	private JsonNode getAs(InspectionFixture.Drawn d, String path) throws Exception {
		return json.readTree(mvc.perform(get(path).with(as(d))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString());
	}
}
