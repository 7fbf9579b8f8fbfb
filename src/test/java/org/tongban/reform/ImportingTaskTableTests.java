package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** The task table comes in from Excel: checked whole, imported whole or not at all, progress kept. */
class ImportingTaskTableTests extends ReformIntegrationTest {

	@Autowired
	ReformCockpit cockpit;

	private byte[] export() throws Exception {
		return mvc.perform(get("/api/reform/tasks.xlsx").with(basic("admin")))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.andReturn().getResponse().getContentAsByteArray();
	}

	private static MockMultipartHttpServletRequestBuilder upload(byte[] bytes, String name) {
		return multipart("/api/reform/tasks/import").file(new MockMultipartFile("file", name, "application/octet-stream", bytes));
	}

	private static byte[] xlsx(String[]... rows) throws Exception {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet();
			for (int r = 0; r < rows.length; r++) {
				Row row = sheet.createRow(r);
				for (int c = 0; c < rows[r].length; c++) {
					row.createCell(c).setCellValue(rows[r][c]);
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	private static final String[] HEADER = {"序号", "任务分组", "任务内容", "区卫健委牵头部门", "区卫健委配合部门", "委属相关单位", "时间节点", "备注"};

	private String contentOf(int no) {
		return jdbc.sql("SELECT content FROM reform_task WHERE no = ?").param(no).query(String.class).single();
	}

	@Test
	void anExportImportsBackToTheSameTasks() throws Exception {
		List<TaskSummary> before = cockpit.tasks(TaskFilter.all());
		byte[] file = export();
		mvc.perform(upload(file, "任务分工表.xlsx").param("preview", "true").with(basic("admin")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.rows.length()").value(65))
				.andExpect(jsonPath("$.errors.length()").value(0))
				.andExpect(jsonPath("$.rows[56].cooperatingDivisions[1]").value("医政处"));
		mvc.perform(upload(file, "任务分工表.xlsx").with(basic("admin")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.created").value(0))
				.andExpect(jsonPath("$.updated").value(65));
		assertThat(cockpit.tasks(TaskFilter.all())).containsExactlyElementsOf(before);
	}

	@Test
	void reImportChangesTheDefinitionAndKeepsProgressAndHistory() throws Exception {
		byte[] original = export();
		mvc.perform(post("/api/reform/tasks/14/reports").contentType("application/json")
				.content("{\"text\": \"窗口标准化方案已印发\", \"progress\": 35, \"status\": \"IN_PROGRESS\"}")
				.with(basic("planning"))).andExpect(status().isCreated());
		byte[] changed;
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(export())); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			for (Row row : wb.getSheetAt(0)) {
				var cell = row.getCell(2);
				if (cell != null && cell.getStringCellValue().startsWith("（14）")) {
					// the export writes inline strings, which POI does not overwrite in place
					row.removeCell(cell);
					row.createCell(2).setCellValue("（14）促进线上线下业务融合（修订）。");
					row.removeCell(row.getCell(6));
					row.createCell(6).setCellValue("11月");
				}
			}
			wb.write(out);
			changed = out.toByteArray();
		}
		mvc.perform(upload(changed, "修订.xlsx").with(basic("planning"))).andExpect(status().isOk());
		TaskDetail t14 = cockpit.task(14);
		assertThat(t14.task().content()).isEqualTo("促进线上线下业务融合（修订）。");
		assertThat(t14.task().deadline()).hasToString("2024-11-30");
		assertThat(t14.task().progress()).isEqualTo(35);
		assertThat(t14.history()).extracting(HistoryEntry::text).contains("窗口标准化方案已印发");
		// put the plan back for the other tests
		mvc.perform(upload(original, "原表.xlsx").with(basic("planning"))).andExpect(status().isOk());
		assertThat(contentOf(14)).startsWith("促进线上线下业务融合，持续提升");
	}

	@Test
	void aFileWithBrokenRowsIsRefusedWholeWithEveryProblemByRowAndColumn() throws Exception {
		String before = contentOf(7);
		byte[] file = xlsx(
				new String[] {"任务分工表"},
				HEADER,
				new String[] {"1", "深化行政审批制度改革", "（7）本行本身没有问题，但不应被导入。", "生物医药处", "", "委审批服务中心", "全年", ""},
				new String[] {"", "", "（18）动态调整清单", "宣传处", "规划发展处、不存在处", "", "全年", ""},
				new String[] {"", "", "（19）引导经营主体", "规划发展处", "", "区监督所", "13月", ""},
				new String[] {"", "", "（7）重复的编号", "公卫处", "", "", "明年", ""},
				new String[] {"", "", "没有编号的任务", "", "", "", "", ""});
		mvc.perform(upload(file, "broken.xlsx").with(basic("admin")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.title").value("导入文件有误"))
				.andExpect(jsonPath("$.errors[*].field").value(hasItems("第4行 区卫健委牵头部门", "第4行 区卫健委配合部门",
						"第5行 时间节点", "第6行 任务内容", "第6行 时间节点", "第7行 任务内容", "第7行 区卫健委牵头部门",
						"第7行 时间节点")))
				.andExpect(jsonPath("$.errors[?(@.field == '第4行 区卫健委牵头部门')].message")
						.value(Matchers.hasItem("未知的部门或单位“宣传处”（须与组织机构表中的名称一致）")))
				.andExpect(jsonPath("$.errors[?(@.field == '第6行 任务内容')].message")
						.value(Matchers.hasItem("任务编号（7）与第3行重复")))
				.andExpect(jsonPath("$.errors[?(@.field == '第5行 时间节点')].message")
						.value(Matchers.hasItem(Matchers.startsWith("无法识别时间节点“13月”"))));
		assertThat(contentOf(7)).isEqualTo(before);
	}

	@Test
	void aMissingColumnIsNamed() throws Exception {
		byte[] file = xlsx(new String[] {"序号", "任务分组", "任务内容", "区卫健委牵头部门", "区卫健委配合部门", "委属相关单位"},
				new String[] {"1", "分组", "（7）内容", "生物医药处", "", ""});
		mvc.perform(upload(file, "tasks.xlsx").with(basic("admin")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("表头"))
				.andExpect(jsonPath("$.errors[0].message").value("缺少“时间节点”列"));
	}

	@Test
	void aFileThatIsNotASpreadsheetOrIsEmptyIsRefused() throws Exception {
		mvc.perform(upload("序号,任务内容\n1,（7）x".getBytes(StandardCharsets.UTF_8), "tasks.xlsx").with(basic("admin")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("file"))
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("文件不是 Excel 工作簿")));
		mvc.perform(upload(new byte[0], "tasks.xlsx").with(basic("admin")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value("上传的文件是空的，请重新选择。"));
		mvc.perform(upload(xlsx(), "blank.xlsx").with(basic("admin")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value("文件是空的，没有任何内容。"));
	}

	@Test
	void onlyAdministratorsAndThePlanningDivisionImport() throws Exception {
		byte[] file = export();
		mvc.perform(upload(file, "t.xlsx").param("preview", "true").with(basic("biomed"))).andExpect(status().isForbidden());
		mvc.perform(upload(file, "t.xlsx").param("preview", "true").with(basic("leader"))).andExpect(status().isForbidden());
		mvc.perform(upload(file, "t.xlsx").param("preview", "true").with(basic("citizen"))).andExpect(status().isForbidden());
		mvc.perform(upload(file, "t.xlsx").param("preview", "true").with(basic("planning"))).andExpect(status().isOk());
		mvc.perform(get("/reform/import").with(as("biomed"))).andExpect(status().isForbidden());
		mvc.perform(get("/reform/import").with(as("planning"))).andExpect(status().isOk());
	}

	@Test
	void thePageShowsThePreviewAndImportsOnConfirmation() throws Exception {
		byte[] file = export();
		String page = mvc.perform(multipart("/reform/import").file(new MockMultipartFile("file", "t.xlsx", null, file))
				.with(as("admin")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("文件检查通过，共 <span>65</span> 项任务。")))
				.andReturn().getResponse().getContentAsString();
		String key = page.replaceAll("(?s).*name=\"key\" value=\"([0-9a-f]{64})\".*", "$1");
		mvc.perform(post("/reform/import/confirm").param("key", key).with(as("admin")).with(csrf()))
				.andExpect(status().is3xxRedirection());
		byte[] broken = xlsx(HEADER, new String[] {"1", "分组", "（7）内容", "宣传处", "", "", "全年", ""});
		mvc.perform(multipart("/reform/import").file(new MockMultipartFile("file", "b.xlsx", null, broken))
				.with(as("admin")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("第2行 区卫健委牵头部门")))
				.andExpect(content().string(Matchers.not(Matchers.containsString("确认导入"))));
	}
}
