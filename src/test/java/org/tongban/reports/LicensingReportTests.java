package org.tongban.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;

/**
 * The annual licensing report from real cases: cases taken through handling over the API on items no other
 * test uses, then the workbook read back with POI must show exactly what was done (less whatever those items
 * held before, so that a database kept between runs does not break it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class LicensingReportTests {

	static final String CLINIC = "PD-WJW-XK-017";
	static final String MIDWIFE = "PD-WJW-XK-020";
	static final String DENTAL = "PD-WJW-XK-027";
	static final String CITIZEN_ID = "310115198503151230";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	TestClock clock;

	@Autowired
	org.tongban.cases.CaseApplications applications;

	@Autowired
	org.tongban.identity.AccountManagement accounts;

	static final String TCM_PASSWORD = "Zhongyi-Shenpi-2026";

	/** 中医医疗机构执业登记 is reviewed and decided by the TCM division (CaseDuty): two of its approvers. */
	@org.junit.jupiter.api.BeforeEach
	void tcmApprovers() {
		for (String username : List.of("tcm-approver", "tcm-approver2")) {
			if (accounts.all().stream().noneMatch(a -> a.username().equals(username))) {
				accounts.create(new org.tongban.identity.AccountManagement.NewAccount(username, "中医审批", TCM_PASSWORD,
						java.util.Set.of(org.tongban.identity.Role.APPROVER), "TCM", null, null, null));
			}
		}
	}

	@Test
	void theWorkbookCountsExactlyTheCasesTakenThroughHandling() throws Exception {
		LocalDate today = clock.today();
		int year = today.getYear();
		Map<String, Map<String, Cell>> before = perItem(xlsx(year));

		// 中医医疗机构执业登记 · 首次执业登记: eight cases, every outcome
		String granted = submitted(CLINIC, "NEW", false);
		act("clerk", granted, "accept", null);
		LocalDate acceptedLong = today.minusDays(20);
		jdbc.sql("UPDATE cases_case SET accepted_on = ?, promised_deadline = ? WHERE id = ?")
				.params(acceptedLong, today.minusDays(1), UUID.fromString(granted)).update();
		act("tcm-approver", granted, "approve", "{\"reason\": \"材料齐全\"}");
		act("tcm-approver2", granted, "approve", null);
		int grantedDays = calendar.workingDaysBetween(acceptedLong, today);

		String reviewed = submitted(CLINIC, "NEW", false);
		act("clerk", reviewed, "accept", null);
		act("tcm-approver", reviewed, "suspend", "{\"kind\": \"EXPERT_REVIEW\", \"reason\": \"组织专家评审\", \"expectedDays\": 5}");
		act("tcm-approver", reviewed, "resume", null);
		LocalDate acceptedShort = today.minusDays(12);
		jdbc.sql("UPDATE cases_case SET accepted_on = ? WHERE id = ?").params(acceptedShort, UUID.fromString(reviewed)).update();
		jdbc.sql("UPDATE cases_suspension SET working_days = 2 WHERE case_id = ? AND kind = 'EXPERT_REVIEW'")
				.param(UUID.fromString(reviewed)).update();
		act("tcm-approver", reviewed, "approve", null);
		act("tcm-approver2", reviewed, "approve", null);
		int reviewedDays = Math.max(0, calendar.workingDaysBetween(acceptedShort, today) - 2);

		String denied = submitted(CLINIC, "NEW", false);
		act("clerk", denied, "request-correction", "{\"items\": [\"医疗机构申请执业登记注册书\"]}");
		act("citizen", denied, "correct", "{\"reason\": \"已补交\"}");
		// a correction's days come before acceptance and are never subtracted from the handling time
		jdbc.sql("UPDATE cases_suspension SET working_days = 7 WHERE case_id = ? AND kind = 'CORRECTION'")
				.param(UUID.fromString(denied)).update();
		act("clerk", denied, "accept", null);
		act("tcm-approver", denied, "deny", "{\"reason\": \"场所不符合要求\"}");
		act("tcm-approver2", denied, "deny", "{\"reason\": \"执业场所不符合《中医诊所基本标准》\"}");

		String refused = submitted(CLINIC, "NEW", false);
		act("clerk", refused, "refuse", "{\"reason\": \"不属于本机关职权范围\"}");

		String withdrawn = submitted(CLINIC, "NEW", false);
		act("clerk", withdrawn, "accept", null);
		act("citizen", withdrawn, "withdraw", "{\"reason\": \"暂不开业\"}");

		String late = submitted(CLINIC, "NEW", false);
		act("clerk", late, "accept", null);
		jdbc.sql("UPDATE cases_case SET promised_deadline = ? WHERE id = ?").params(today.minusDays(1), UUID.fromString(late))
				.update();

		submitted(CLINIC, "NEW", false);
		atTheWindow(CLINIC, "NEW");

		// 助产技术人员资格认定: one grant decided the day it was accepted, one refusal
		String midwife = submitted(MIDWIFE, "NEW", false);
		act("clerk", midwife, "accept", null);
		act("approver", midwife, "approve", null);
		act("approver2", midwife, "approve", null);
		String midwifeRefused = submitted(MIDWIFE, "NEW", false);
		act("clerk", midwifeRefused, "refuse", "{\"reason\": \"申请材料不齐全且无法补正\"}");

		// 口腔诊所: two notice-commitment grants, one revoked after verification
		String revoked = submitted(DENTAL, "NEW", true);
		await().atMost(Duration.ofSeconds(20)).until(() -> "postVerify".equals(step(revoked)));
		act("inspector", revoked, "notify-revocation", "{\"reason\": \"放射防护设施未按承诺配置\"}");
		act("citizen", revoked, "state-case", "{\"reason\": \"设施正在整改\"}");
		act("inspector", revoked, "revoke", "{\"reason\": \"放射防护设施未按承诺配置\"}");
		String committed = submitted(DENTAL, "NEW", true);
		await().atMost(Duration.ofSeconds(20)).until(() -> "GRANTED".equals(caseStatus(committed)));

		byte[] file = xlsx(year);
		Map<String, Map<String, Cell>> after = perItem(file);

		Map<String, Cell> clinic = after.get(CLINIC + "/NEW");
		Map<String, Cell> clinicBefore = before.get(CLINIC + "/NEW");
		assertThat(clinic.get("事项名称").getStringCellValue()).isEqualTo("中医医疗机构执业登记");
		assertThat(clinic.get("办理情形").getStringCellValue()).isEqualTo("首次执业登记");
		assertAdded(clinicBefore, clinic, Map.ofEntries(Map.entry("申请件数", 8), Map.entry("受理件数（含视为受理）", 5),
				Map.entry("其中视为受理", 0), Map.entry("不予受理", 1), Map.entry("准予许可", 2), Map.entry("不予许可", 1),
				Map.entry("申请人撤回", 1), Map.entry("其中撤销许可", 0), Map.entry("在办件数", 3), Map.entry("告知承诺件数", 0),
				Map.entry("网上办理", 7), Map.entry("窗口办理", 1), Map.entry("计时办结件数", 3), Map.entry("超期件数", 2),
				Map.entry("补正次数合计", 1)));
		assertThat(clinic.get("承诺时限（工作日）").getStringCellValue()).isEqualTo("15");
		if (clinicBefore == null) {
			List<Integer> days = java.util.stream.Stream.of(grantedDays, reviewedDays, 0).sorted().toList();
			assertThat(clinic.get("平均办理工作日").getNumericCellValue())
					.isCloseTo((grantedDays + reviewedDays) / 3.0, within(1e-9));
			assertThat(clinic.get("办理工作日P90").getNumericCellValue()).isEqualTo(days.get(2).doubleValue());
			assertThat(clinic.get("件均补正次数").getNumericCellValue()).isCloseTo(1 / 8.0, within(1e-9));
			assertThat(clinic.get("告知承诺占比").getNumericCellValue()).isZero();
			assertThat(clinic.get("告知承诺占比").getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		}

		Map<String, Cell> mw = after.get(MIDWIFE + "/NEW");
		Map<String, Cell> mwBefore = before.get(MIDWIFE + "/NEW");
		assertAdded(mwBefore, mw, Map.of("申请件数", 2, "受理件数（含视为受理）", 1, "不予受理", 1, "准予许可", 1, "在办件数", 0,
				"计时办结件数", 1, "超期件数", 0, "网上办理", 2, "窗口办理", 0));
		if (mwBefore == null) {
			assertThat(mw.get("平均办理工作日").getNumericCellValue()).isZero();
			assertThat(mw.get("办理工作日P90").getNumericCellValue()).isZero();
			assertThat(mw.get("承诺时限（工作日）").getStringCellValue()).isEqualTo("10");
		}

		Map<String, Cell> dental = after.get(DENTAL + "/NEW");
		Map<String, Cell> dentalBefore = before.get(DENTAL + "/NEW");
		assertAdded(dentalBefore, dental, Map.of("申请件数", 2, "受理件数（含视为受理）", 2, "准予许可", 2, "其中撤销许可", 1,
				"告知承诺件数", 2, "在办件数", 0, "计时办结件数", 0, "不予受理", 0));
		if (dentalBefore == null) {
			assertThat(dental.get("告知承诺占比").getNumericCellValue()).isEqualTo(1.0);
			// decided on the spot, never accepted on a date: no handling time to report
			assertThat(dental.get("平均办理工作日").getCellType()).isEqualTo(CellType.BLANK);
		}

		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet items = wb.getSheet(LicensingWorkbook.PER_ITEM);
			assertThat(items.getPaneInformation().isFreezePane()).isTrue();
			assertThat(items.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
			// the summary's totals are the sum of the lines
			Map<String, Double> totals = new HashMap<>();
			Sheet summary = wb.getSheet(LicensingWorkbook.SUMMARY);
			assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo(year + " 年度行政许可实施情况报告");
			for (Row row : summary) {
				if (row.getRowNum() >= 2 && row.getCell(1) != null && row.getCell(1).getCellType() == CellType.NUMERIC) {
					totals.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
				}
			}
			double submitted = after.values().stream().mapToDouble(r -> r.get("申请件数").getNumericCellValue()).sum();
			assertThat(totals.get("申请件数")).isEqualTo(submitted);
			assertThat(totals.get("申请件数")).isEqualTo(totals.get("在办件数") + totals.get("不予受理") + totals.get("申请人撤回")
					+ totals.get("准予许可") + totals.get("不予许可"));
		}
	}

	@Test
	void thePdfHasTheYearAndEmbedsTheChineseFont() throws Exception {
		int year = clock.today().getYear();
		byte[] pdf = mvc.perform(get("/api/reports/licensing/{year}.pdf", year).with(basic("leader")))
				.andExpect(status().isOk()).andExpect(content().contentType(MediaType.APPLICATION_PDF))
				.andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			// the font maps some ideographs and Kangxi radicals to one glyph, so extraction may give the radical
			String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC);
			assertThat(text).contains(year + " 年度行政许可实施情况报告").contains("告知承诺占比").contains("总体情况");
			PDFont font = null;
			for (var name : doc.getPage(0).getResources().getFontNames()) {
				font = doc.getPage(0).getResources().getFont(name);
			}
			assertThat(font).isNotNull();
			assertThat(font.isEmbedded()).isTrue();
			assertThat(font.getName()).contains("NotoSansSC");
		}
	}

	@Test
	void aYearWithoutCasesGivesAnEmptyButValidReport() throws Exception {
		byte[] file = xlsx(2001);
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			assertThat(wb.getSheet(LicensingWorkbook.PER_ITEM).getRow(1).getCell(0).getStringCellValue()).isEqualTo("合计");
		}
		byte[] pdf = mvc.perform(get("/api/reports/licensing/2001.pdf").with(basic("approver")))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFKC))
					.contains("2001 年没有行政许可事项的办件");
		}
		mvc.perform(get("/reports/licensing").param("year", "2001").with(basic("tcm"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("2001 年没有行政许可事项的办件。")));
	}

	@Test
	void aYearOutOfRangeIsRefusedInChinese() throws Exception {
		int next = clock.today().getYear() + 1;
		mvc.perform(get("/api/reports/licensing/1999.xlsx").with(basic("leader"))).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("year"))
				.andExpect(jsonPath("$.detail", containsString("年度应在 2000 年至 " + next + " 年之间")));
		mvc.perform(get("/api/reports/licensing/{y}.pdf", next + 1).with(basic("leader"))).andExpect(status().isBadRequest());
		mvc.perform(get("/api/reports/licensing/{y}.xlsx", next).with(basic("leader"))).andExpect(status().isOk());
		mvc.perform(get("/reports/licensing").param("year", "1999").with(basic("leader")))
				.andExpect(status().isBadRequest()).andExpect(content().string(containsString("年度应在 2000 年至")));
	}

	@Test
	void onlyStaffWhoReadReportsGetThem() throws Exception {
		int year = clock.today().getYear();
		for (String path : List.of("/api/reports/licensing/" + year + ".xlsx", "/api/reports/licensing/" + year + ".pdf",
				"/reports/licensing")) {
			mvc.perform(get(path).with(basic("citizen"))).andExpect(status().isForbidden());
			mvc.perform(get(path).with(basic("clerk"))).andExpect(status().isForbidden());
			mvc.perform(get(path).with(basic("enterprise"))).andExpect(status().isForbidden());
		}
		mvc.perform(get("/api/reports/licensing/" + year + ".xlsx")).andExpect(status().isUnauthorized());
		mvc.perform(get("/reports/licensing").with(basic("approver"))).andExpect(status().isOk());
		mvc.perform(get("/reports/licensing").with(basic("admin"))).andExpect(status().isOk());
	}

	@Test
	void thePageShowsTheTableAndTheDownloadsAndIsLinkedFromTheNavigation() throws Exception {
		int year = clock.today().getYear();
		submitted(MIDWIFE, "NEW", false);
		mvc.perform(get("/reports/licensing").param("year", String.valueOf(year)).with(basic("leader")))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<caption>" + year + " 年度行政许可实施情况报告：分事项统计")))
				.andExpect(content().string(containsString("从事助产技术服务的人员资格认定")))
				.andExpect(content().string(containsString("<th scope=\"col\">告知承诺占比</th>")))
				.andExpect(content().string(containsString("href=\"/api/reports/licensing/" + year + ".xlsx\"")))
				.andExpect(content().string(containsString("href=\"/api/reports/licensing/" + year + ".pdf\"")))
				.andExpect(content().string(containsString("href=\"/reports/licensing\"")))
				// the year at a glance: headline figures and the PDF's charts, before the table
				.andExpect(content().string(containsString("<div class=\"stat-label\">申请件数</div>")))
				.andExpect(content().string(containsString("<div class=\"stat-label\">平均办理工作日</div>")))
				.andExpect(content().string(containsString("aria-label=\"各事项办理结果（件）堆叠条形图\"><svg")))
				.andExpect(content().string(containsString("aria-label=\"办理渠道饼图\"><svg")));
		// a year without cases shows its zero figures and no empty charts
		mvc.perform(get("/reports/licensing").param("year", "2001").with(basic("leader"))).andExpect(status().isOk())
				.andExpect(content().string(containsString("<div class=\"stat-label\">申请件数</div>")))
				.andExpect(content().string(not(containsString("<svg"))));
		mvc.perform(get("/catalogue").with(basic("citizen")))
				.andExpect(content().string(not(containsString("href=\"/reports/licensing\""))));
	}

	// --- helpers: the same API calls the pages and outside systems make

	private byte[] xlsx(int year) throws Exception {
		return mvc.perform(get("/api/reports/licensing/{year}.xlsx", year).with(basic("leader")))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
				.andReturn().getResponse().getContentAsByteArray();
	}

	/** The per-item sheet as item/situation → header → cell. */
	private static Map<String, Map<String, Cell>> perItem(byte[] file) throws Exception {
		Map<String, Map<String, Cell>> lines = new HashMap<>();
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = wb.getSheet(LicensingWorkbook.PER_ITEM);
			Row header = sheet.getRow(0);
			for (Row row : sheet) {
				if (row.getRowNum() == 0 || "合计".equals(row.getCell(0).getStringCellValue())) {
					continue;
				}
				Map<String, Cell> cells = new HashMap<>();
				for (Cell h : header) {
					cells.put(h.getStringCellValue(), row.getCell(h.getColumnIndex()));
				}
				lines.put(row.getCell(0).getStringCellValue() + "/" + row.getCell(2).getStringCellValue(), cells);
			}
		}
		return lines;
	}

	private static void assertAdded(Map<String, Cell> before, Map<String, Cell> after, Map<String, Integer> added) {
		assertThat(after).as("the line must be in the report").isNotNull();
		added.forEach((column, count) -> {
			double was = before == null ? 0 : before.get(column).getNumericCellValue();
			assertThat(after.get(column).getNumericCellValue() - was).as(column).isEqualTo(count.doubleValue());
		});
	}

	private String submitted(String item, String situation, boolean commitment) throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "%s", "commitment": %s,
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
				 "form": {"phone": "13800000000"}}""".formatted(item, situation, commitment, CITIZEN_ID);
		String id = Applying.submitWithMaterials(mvc, applications, "citizen", body);
		// the process starts after the submission commits
		await().atMost(Duration.ofSeconds(20)).until(() -> step(id) != null);
		return id;
	}

	/** A medical institution (an organisation, as the item's materials say) registered at the window. */
	private void atTheWindow(String item, String situation) throws Exception {
		String body = """
				{"application": {"itemCode": "%s", "situation": "%s",
				  "applicant": {"kind": "ENTERPRISE", "uscc": "91310115MA1K3Y4N2N", "name": "上海浦东示例口腔门诊部有限公司",
				   "agentName": "李经办"}, "form": {"phone": "13800000000"}},
				 "identityChecked": true}""".formatted(item, situation);
		String json = mvc.perform(post("/api/window/cases").contentType(MediaType.APPLICATION_JSON).content(body)
						.with(basic("clerk")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String id = id(json);
		// the applicant handed in every required material on paper at the counter
		for (String material : applications.requiredUploads(item, situation)) {
			mvc.perform(post("/api/cases/{id}/paper-materials", id).contentType(MediaType.APPLICATION_JSON)
					.content("{\"material\": \"" + material + "\"}").with(basic("clerk"))).andExpect(status().isCreated());
		}
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", UUID.randomUUID().toString())
				.with(basic("clerk"))).andExpect(status().isCreated());
		await().atMost(Duration.ofSeconds(20)).until(() -> step(id) != null);
	}

	private ResultActions act(String user, String id, String action, String json) throws Exception {
		var request = post("/api/cases/{id}/actions/{action}", id, action).with(basic(user));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request).andExpect(status().isOk());
	}

	private String step(String id) {
		return jdbc.sql("SELECT step FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.optional().orElse(null);
	}

	private String caseStatus(String id) {
		return jdbc.sql("SELECT status FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.single();
	}

	private static String id(String json) {
		return json.replaceAll("(?s).*?\"id\":\"([0-9a-f-]+)\".*", "$1");
	}

	private static RequestPostProcessor basic(String username) {
		return httpBasic(username, username.startsWith("tcm-") ? TCM_PASSWORD : "tongban-demo");
	}
}
