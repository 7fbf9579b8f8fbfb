package org.tongban.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.tongban.archive.Archiving;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseId;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.support.Applying;

/**
 * The records the matrix's rows name in braces, made the way their owners make them: cases applied for by the
 * demo citizen and handled by the demo staff, a licence granted on such a case, its archive package, a
 * reform report with an attachment, a guide draft. A read reuses one of each; anything that changes a record
 * gets a fresh one per caller, so that one caller's action cannot decide the next caller's answer.
 */
final class MatrixFixtures {

	/** A BIOMED licensing item that citizens apply for, with a licence: the division of the demo approvers. */
	static final String ITEM = "PD-WJW-XK-001";
	static final String SITUATION = "NEW";
	/** A BIOMED item whose guide the matrix edits. */
	static final String EDITED_ITEM = "PD-WJW-XK-019";
	/** A BIOMED item whose published guide the matrix gives a blank form to download. */
	static final String FORM_ITEM = "PD-WJW-XK-021";
	static final String FORM_MATERIAL = "母婴保健技术考核申请表（结扎手术和终止妊娠手术）";
	/** A BIOMED item the matrix's complaint clusters concern (and revise). */
	static final String CLUSTER_ITEM = "PD-WJW-XK-027";
	/** A reform task that the biomedicine division leads. */
	static final String TASK = "5";
	static final String CITIZEN_ID = "310115198503151230";
	static final String OTHER_CITIZEN_ID = "310115197707073452";

	/** Never made afresh: constants, or records whose actions leave them as they were. */
	private static final Set<String> SHARED = Set.of("事项", "编辑事项", "版本", "清单", "报告年度", "过去年度", "改革任务", "法规", "消息",
			"指南草稿", "办件编号", "查询码", "表格事项", "监管对象", "执法人员");

	private static final Set<String> CASES = Set.of("草稿", "待受理办件", "审查中办件", "已准予办件", "窗口草稿");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\"\\s:]+)}");

	private final MockMvc mvc;
	private final JdbcClient jdbc;
	private final CaseApplications applications;
	private final AccountManagement accounts;
	private final Callers callers;
	private final Archiving archiving;
	private final org.tongban.feedback.Complaints complaints;
	private final Map<String, String> shared = new HashMap<>();
	private final AtomicInteger serial = new AtomicInteger();

	/** Who the matrix's callers are and how a request is made as one of them. */
	interface Callers {
		<B extends AbstractMockHttpServletRequestBuilder<B>> B as(String username, B request);
	}

	MatrixFixtures(MockMvc mvc, JdbcClient jdbc, CaseApplications applications, AccountManagement accounts,
			Archiving archiving, org.tongban.feedback.Complaints complaints, Callers callers) {
		this.archiving = archiving;
		this.complaints = complaints;
		this.mvc = mvc;
		this.jdbc = jdbc;
		this.applications = applications;
		this.accounts = accounts;
		this.callers = callers;
	}

	/**
	 * The text with each {@code {fixture}} replaced. A read shares its records with every other read; a change
	 * gets records of its own, made for this call ({@code context} holds them, so one row's fixtures agree).
	 */
	String fill(String text, boolean fresh, Map<String, String> context) throws Exception {
		Matcher m = PLACEHOLDER.matcher(text);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), fresh, context)));
		}
		m.appendTail(out);
		return out.toString();
	}

	private String value(String name, boolean fresh, Map<String, String> context) throws Exception {
		if (context.containsKey(name)) {
			return context.get(name);
		}
		String value;
		if (!fresh || SHARED.contains(name)) {
			value = shared.get(name);
			if (value == null) {
				value = make(name, context);
				shared.put(name, value);
			}
		}
		else {
			value = make(name, context);
		}
		context.put(name, value);
		if (CASES.contains(name)) {
			context.put("办件", value);
		}
		return value;
	}

	private String make(String name, Map<String, String> context) throws Exception {
		return switch (name) {
			case "事项" -> ITEM;
			case "编辑事项" -> EDITED_ITEM;
			case "改革任务" -> TASK;
			case "版本" -> "1";
			case "清单" -> "licensing";
			case "报告年度" -> "2026";
			case "进度" -> progress();
			// a year the calendar refuses to take: the administrator's call is answered without changing anything
			case "过去年度" -> "1999";
			case "草稿" -> remember(context, draft());
			case "待受理办件" -> remember(context, submitted());
			case "审查中办件" -> remember(context, underReview());
			case "已准予办件" -> remember(context, granted());
			case "窗口草稿" -> remember(context, windowDraft());
			case "材料" -> material(context.get("办件"));
			case "证照" -> licence(context);
			case "核验码" -> jdbc.sql("SELECT check_code FROM licences_licence WHERE number = ?")
				.param(context.get("证照")).query(String.class).single();
			// a lookup changes nothing: one submitted case's 办件编号 and 查询码 serve every row
			case "办件编号" -> jdbc.sql("SELECT case_number FROM cases_case WHERE id = ?")
				.param(UUID.fromString(submitted())).query(String.class).single();
			case "查询码" -> jdbc.sql("SELECT query_code FROM cases_case WHERE case_number = ?")
				.param(context.get("办件编号")).query(String.class).single();
			case "档案包" -> archivePackage();
			case "消息" -> message();
			case "改革附件" -> attachment();
			case "法规" -> jdbc.sql("SELECT id FROM catalogue_law ORDER BY id LIMIT 1").query(String.class).single();
			case "指南草稿" -> guideDraft();
			case "表格事项" -> publishedForm();
			case "账户" -> account();
			case "令牌" -> token();
			case "整改任务" -> rectification();
			case "办不成事" -> ticket();
			case "投诉聚类" -> cluster();
			case "处罚案件" -> penaltyCase();
			case "法制审核人员" -> "legal";
			case "监管对象" -> jdbc.sql("SELECT uscc FROM supervision_entity ORDER BY uscc LIMIT 1").query(String.class).single();
			case "抽查计划" -> plan();
			case "抽取" -> created(mvc.perform(callers.as("supervisor", post("/api/supervision/plans/{id}/draw", plan())))
				.andReturn().getResponse(), "draw");
			case "合规体检" -> selfCheck();
			case "信用报告" -> creditReport();
			case "联合检查" -> jointInspection();
			case "信用报告编号" -> jdbc.sql("SELECT number FROM supervision_credit_report WHERE id = ?")
				.param(UUID.fromString(creditReport())).query(String.class).single();
			case "信用报告核验码" -> jdbc.sql("SELECT check_code FROM supervision_credit_report WHERE number = ?")
				.param(context.get("信用报告编号")).query(String.class).single();
			case "检查" -> inspection();
			case "检查照片" -> inspectionPhoto(value("检查", true, context));
			// another inspector than the demo one (检-0001): an inspector declares only their own conflicts
			case "执法人员" -> "检-0002";
			case "免申即享服务" -> benefitsOffer();
			case "免申即享机构" -> benefitsInstitution();
			default -> throw new IllegalStateException("the matrix names an unknown fixture {" + name + "}");
		};
	}

	/**
	 * A 免申即享 offer notified to the demo citizen, as a match makes it; each in a cycle of its own, so that every
	 * caller of a changing row gets a fresh one.
	 */
	private String benefitsOffer() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO benefits_entitlement (id, programme_code, id_number, cycle, status, rule_version, street, age_band,
				                                  created_at, notified_at)
				SELECT ?, 'FAMILY_DOCTOR', ?, COALESCE(max(cycle), 2100) + 1, 'NOTIFIED', 1, '潍坊新村街道', '35–49', now(), now()
				FROM benefits_entitlement WHERE id_number = ? AND cycle > 2100""")
			.params(id, CITIZEN_ID, CITIZEN_ID).update();
		return id.toString();
	}

	/** An institution of the elderly health check (基层处's programme), as its staff add one. */
	private String benefitsInstitution() {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO benefits_institution (id, programme_code, name, street, address, phone, created_by, created_at)
				VALUES (?, 'ELDERLY_HEALTH_CHECK', ?, '花木街道', '浦东新区花木路 1 号', '021-58880000', 'primary', now())""")
			.params(id, "矩阵测试站" + id.toString().substring(0, 8)).update();
		return id.toString();
	}

	/** Cases are remembered so that {材料} in the same row is a material of that case. */
	private static String remember(Map<String, String> context, String caseId) {
		context.put("办件", caseId);
		return caseId;
	}

	private String body(String idNumber, String name) {
		return """
				{"itemCode": "%s", "situation": "%s",
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "%s"},
				 "form": {"phone": "13800000000"}}""".formatted(ITEM, SITUATION, idNumber, name);
	}

	String draft() throws Exception {
		MockHttpServletResponse response = mvc.perform(callers.as("citizen", post("/api/cases/drafts")
				.contentType(MediaType.APPLICATION_JSON).content(body(CITIZEN_ID, "张三")))).andReturn().getResponse();
		return created(response, "draft");
	}

	private String submitted() throws Exception {
		String id = draft();
		for (String material : applications.requiredUploads(ITEM, SITUATION)) {
			ok(mvc.perform(callers.as("citizen", multipart("/api/cases/{id}/materials", id)
					.file(new MockMultipartFile("file", "scan.pdf", "application/pdf", Applying.scan(material)))
					.param("material", material))).andReturn().getResponse(), "upload");
		}
		ok(mvc.perform(callers.as("citizen", post("/api/cases/{id}/actions/submit", id)
				.header("Idempotency-Key", UUID.randomUUID().toString()))).andReturn().getResponse(), "submit");
		return id;
	}

	private String underReview() throws Exception {
		String id = submitted();
		act("clerk", id, "accept");
		return id;
	}

	private String granted() throws Exception {
		String id = underReview();
		act("approver", id, "approve");
		act("approver2", id, "approve");
		return id;
	}

	/** A granted case whose applicant rated the decision 非常不满意: a rectification task of 生物医药处. */
	private String rectification() throws Exception {
		String id = granted();
		ok(mvc.perform(callers.as("citizen", post("/api/cases/{id}/ratings", id).contentType(MediaType.APPLICATION_JSON)
				.content("{\"stage\": \"DECISION\", \"level\": 1, \"tags\": [\"态度差\"]}"))).andReturn().getResponse(),
				"rating");
		return jdbc.sql("SELECT id::text FROM feedback_rectification WHERE case_id = ?").param(UUID.fromString(id))
			.query(String.class).single();
	}

	/** A 办不成事 the demo citizen filed about the BIOMED item: a ticket of 生物医药处. */
	private String ticket() throws Exception {
		MockHttpServletResponse response = mvc.perform(callers.as("citizen", post("/api/feedback/tickets")
				.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"网上上传不了体检证明\", \"itemCode\": \"" + ITEM + "\"}")))
			.andReturn().getResponse();
		return created(response, "ticket");
	}

	/**
	 * A 办不成事 complaint against 生物医药处 about {@link #CLUSTER_ITEM}, and the cluster it landed in. An item no other
	 * test drafts: the matrix's revisions leave a draft of it open (later callers then get the catalogue's 409).
	 */
	private String cluster() {
		UUID source = UUID.randomUUID();
		complaints.receive(new org.tongban.feedback.Complaint(org.tongban.feedback.Complaint.Kind.TICKET, source,
				"放射诊疗许可要的评价报告格式要求没有说明，被退回两次", CLUSTER_ITEM, "BIOMED", java.time.Instant.parse("2026-06-01T02:00:00Z")));
		return jdbc.sql("SELECT cluster_id::text FROM feedback_complaint WHERE source_id = ?").param(source)
			.query(String.class).single();
	}

	/** A penalty case the demo inspector opened (and so handles) against the register's first entity. */
	private String penaltyCase() throws Exception {
		String uscc = jdbc.sql("SELECT uscc FROM supervision_entity ORDER BY uscc LIMIT 1").query(String.class).single();
		return created(mvc.perform(callers.as("inspector", post("/api/supervision/penalties").contentType(MediaType.APPLICATION_JSON)
				.content("{\"uscc\": \"" + uscc + "\", \"summary\": \"权限矩阵：现场检查发现涉嫌违法\"}")))
				.andReturn().getResponse(), "penalty case");
	}

	/** A published inspection plan of the medical sector, made by the demo planner. */
	private String plan() throws Exception {
		return created(mvc.perform(callers.as("supervisor", post("/api/supervision/plans").contentType(MediaType.APPLICATION_JSON)
				.content("{\"sector\": \"MEDICAL\", \"period\": \"2026-Q4\", \"ratios\": {\"A\": 5, \"B\": 10, \"C\": 30, \"D\": 100}}")))
				.andReturn().getResponse(), "inspection plan");
	}

	/**
	 * An inspection of a fresh draw, with the demo inspector (检-0001) as one of its two inspectors: the draw picks
	 * inspectors at random, so the fixture puts the demo inspector in the first place when the draw did not.
	 */
	private String inspection() throws Exception {
		String draw = created(mvc.perform(callers.as("supervisor", post("/api/supervision/plans/{id}/draw", plan())))
			.andReturn().getResponse(), "draw");
		UUID id = jdbc.sql("SELECT id FROM supervision_inspection WHERE draw_id = ? ORDER BY seq LIMIT 1")
			.param(UUID.fromString(draw)).query(UUID.class).single();
		jdbc.sql("UPDATE supervision_inspection SET inspector1 = '检-0001' WHERE id = ? AND inspector2 <> '检-0001'")
			.param(id).update();
		return id.toString();
	}

	/** A photo the demo inspector took on that inspection. */
	private String inspectionPhoto(String inspection) throws Exception {
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
		java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "png", png);
		return created(mvc.perform(callers.as("inspector", multipart("/api/supervision/inspections/{id}/photos", inspection)
			.file(new MockMultipartFile("file", "site.png", "image/png", png.toByteArray())))).andReturn().getResponse(),
				"inspection photo");
	}

	/** The demo enterprise's self-check of its clinic, with one risk point still to fix. */
	private String selfCheck() throws Exception {
		Map<String, Boolean> answers = new java.util.TreeMap<>();
		new org.tongban.supervision.SelfCheckList().of(org.tongban.supervision.Sector.MEDICAL)
			.forEach(q -> answers.put(q.code(), !q.code().equals("MED-02")));
		StringBuilder body = new StringBuilder("{\"uscc\": \"91310115MA1K3Y4N2N\", \"answers\": {");
		answers.forEach((code, yes) -> body.append('"').append(code).append("\": ").append(yes).append(", "));
		body.setLength(body.length() - 2);
		body.append("}}");
		return created(mvc.perform(callers.as("enterprise", post("/api/supervision/self-checks")
				.contentType(MediaType.APPLICATION_JSON).content(body.toString()))).andReturn().getResponse(), "self-check");
	}

	private String jointInspection() throws Exception {
		String uscc = jdbc.sql("SELECT uscc FROM supervision_entity WHERE sector = 'MEDICAL_BEAUTY' ORDER BY uscc LIMIT 1")
			.query(String.class).single();
		String body = "{\"title\": \"权限矩阵联合检查\", \"sector\": \"MEDICAL_BEAUTY\", \"visitOn\": \"2030-01-02\", "
				+ "\"authorities\": [\"SAMR\"], \"usccs\": [\"" + uscc + "\"]}";
		return created(mvc.perform(callers.as("supervisor", post("/api/supervision/joint-inspections")
				.contentType(MediaType.APPLICATION_JSON).content(body))).andReturn().getResponse(), "joint inspection");
	}

	private String creditReport() throws Exception {
		return created(mvc.perform(callers.as("enterprise", post("/api/supervision/credit-reports")
				.contentType(MediaType.APPLICATION_JSON).content("{\"uscc\": \"91310115MA1K3Y4N2N\", \"purpose\": \"权限矩阵\"}")))
			.andReturn().getResponse(), "credit report");
	}

	private void act(String user, String id, String action) throws Exception {
		ok(mvc.perform(callers.as(user, post("/api/cases/{id}/actions/{action}", id, action)
				.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"材料齐全，符合条件\"}")))
				.andReturn().getResponse(), action);
	}

	private String windowDraft() throws Exception {
		String body = """
				{"application": {"itemCode": "%s", "situation": "%s",
				  "applicant": {"kind": "PERSON", "idNumber": "310115199002201222", "name": "李四"},
				  "form": {"phone": "13900000000"}}, "identityChecked": true}""".formatted(ITEM, SITUATION);
		MockHttpServletResponse response = mvc.perform(callers.as("clerk", post("/api/window/cases")
				.contentType(MediaType.APPLICATION_JSON).content(body))).andReturn().getResponse();
		return remember(new HashMap<>(), created(response, "window case"));
	}

	private String material(String caseId) {
		if (caseId == null) {
			throw new IllegalStateException("{材料} needs a case earlier in the same row");
		}
		return jdbc.sql("SELECT id::text FROM cases_material WHERE case_id = ? ORDER BY uploaded_at, id LIMIT 1")
			.param(UUID.fromString(caseId)).query(String.class).single();
	}

	private String licence(Map<String, String> context) throws Exception {
		String caseId = granted();
		context.put("办件", caseId);
		return await("licence of " + caseId, () -> jdbc.sql("SELECT number FROM licences_licence WHERE case_id = ?")
			.param(UUID.fromString(caseId)).query(String.class).optional());
	}

	private String archivePackage() throws Exception {
		String caseId = granted();
		// due on completion; the schedule builds it later, here at once
		await("archive package due for " + caseId, () -> jdbc.sql("SELECT id::text FROM archive_package WHERE case_id = ?")
			.param(UUID.fromString(caseId)).query(String.class).optional());
		return await("archive package of " + caseId, () -> {
			archiving.build(new CaseId(UUID.fromString(caseId)));
			return jdbc.sql("SELECT id::text FROM archive_package WHERE case_id = ? AND status = 'ARCHIVED'")
				.param(UUID.fromString(caseId)).query(String.class).optional();
		});
	}

	private String message() throws Exception {
		submitted();
		return jdbc.sql("SELECT id::text FROM notification_message WHERE recipient_username = 'citizen' "
				+ "ORDER BY created_at DESC LIMIT 1").query(String.class).single();
	}

	private String attachment() throws Exception {
		MockHttpServletResponse response = mvc.perform(callers.as("biomed", multipart("/api/reform/tasks/{no}/reports", TASK)
				.file(new MockMultipartFile("files", "进展.pdf", "application/pdf", Applying.pdf("progress")))
				.param("text", "矩阵测试的进展报告").param("progress", progress()).param("status", "IN_PROGRESS")))
				.andReturn().getResponse();
		String body = created(response, "reform report");
		return body.replaceAll("(?s).*\"attachments\":\\[\\{\"id\":\"([0-9a-f-]+)\".*", "$1");
	}

	/** The task's progress as it stands: a report may not lower it without a reason. */
	String progress() {
		return String.valueOf(Math.max(1, Math.min(99, jdbc.sql("SELECT progress FROM reform_task WHERE no = ?")
			.param(Integer.parseInt(TASK)).query(Integer.class).single())));
	}

	private String guideDraft() throws Exception {
		Optional<Integer> open = jdbc.sql("SELECT version FROM catalogue_guide WHERE item_code = ? AND status <> 'PUBLISHED' "
				+ "AND status <> 'SUPERSEDED' ORDER BY version DESC LIMIT 1").param(EDITED_ITEM).query(Integer.class)
			.optional();
		if (open.isPresent()) {
			return open.get().toString();
		}
		MockHttpServletResponse response = mvc.perform(callers.as("biomed",
				post("/api/catalogue/items/{code}/drafts", EDITED_ITEM))).andReturn().getResponse();
		return created(response, "guide draft").replaceAll("(?s).*\"version\":(\\d+).*", "$1");
	}

	/** An item whose live guide offers an uploaded blank form: drafted, given the form, reviewed and published. */
	private String publishedForm() throws Exception {
		String body = created(mvc.perform(callers.as("biomed", post("/api/catalogue/items/{code}/drafts", FORM_ITEM)))
				.andReturn().getResponse(), "guide draft");
		String version = body.replaceAll("(?s).*\"version\":(\\d+).*", "$1");
		ok(mvc.perform(callers.as("biomed", multipart("/api/catalogue/items/{code}/drafts/{v}/files/blank-form",
				FORM_ITEM, version).file(new MockMultipartFile("file", "申请表.pdf", "application/pdf",
						Applying.pdf("matrix form"))).param("material", FORM_MATERIAL))).andReturn().getResponse(),
				"form upload");
		ok(mvc.perform(callers.as("biomed", post("/api/catalogue/items/{code}/drafts/{v}/submit", FORM_ITEM, version)))
				.andReturn().getResponse(), "guide submit");
		ok(mvc.perform(callers.as("leader", post("/api/catalogue/items/{code}/drafts/{v}/publish", FORM_ITEM, version)))
				.andReturn().getResponse(), "guide publish");
		return FORM_ITEM;
	}

	private String account() {
		String username = "matrix-staff-" + serial.incrementAndGet();
		accounts.create(new AccountManagement.NewAccount(username, "矩阵测试", "Matrix-check-2026!",
				Set.of(Role.DIVISION_STAFF), "BIOMED", null, null, null));
		return username;
	}

	private String token() throws Exception {
		MockHttpServletResponse response = mvc.perform(callers.as("admin", post("/api/tokens")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content("{\"client\": \"矩阵令牌\", \"roles\": [\"CLERK\"], \"orgUnitCode\": \"APPROVAL_CENTRE\", \"validDays\": 30}")))
			.andReturn().getResponse();
		return created(response, "API token");
	}

	private static String created(MockHttpServletResponse response, String what) throws Exception {
		ok(response, what);
		String body = response.getContentAsString();
		Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(body);
		return what.equals("reform report") || what.equals("guide draft") ? body : id.find() ? id.group(1) : body;
	}

	private static void ok(MockHttpServletResponse response, String what) throws Exception {
		if (response.getStatus() >= 300) {
			throw new IllegalStateException("making the fixture failed at " + what + ": " + response.getStatus() + " "
					+ response.getContentAsString());
		}
	}

	/** Waits for an asynchronous outcome (an event listener's work) with Awaitility, as the other tests do. */
	private static String await(String what, Supplier<Optional<String>> lookup) {
		return org.awaitility.Awaitility.await(what).atMost(Duration.ofSeconds(10)).until(lookup::get, Optional::isPresent)
			.get();
	}

}
