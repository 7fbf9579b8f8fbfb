package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A task table past a bound of tongban.reform.import.* (defaults: 5 MB file, 20 MB inflated, ratio 100,
 * 1000 rows, 20000 cells, 2000 characters a cell) is refused whole, before POI builds the workbook, with a
 * Chinese problem (413) on the API and the same message on the page; nothing of it is imported.
 */
class ImportBoundsTests extends ReformIntegrationTest {

	private static final String[] HEADER = {"序号", "任务分组", "任务内容", "区卫健委牵头部门", "区卫健委配合部门", "委属相关单位", "时间节点", "备注"};

	/** A valid header and task 7 changed, then {@code rows} more rows of {@code columns} cells of {@code text}. */
	private static byte[] table(int rows, int columns, String text) throws Exception {
		try (Workbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet();
			Row header = sheet.createRow(0);
			for (int c = 0; c < HEADER.length; c++) {
				header.createCell(c).setCellValue(HEADER[c]);
			}
			String[] task = {"1", "深化行政审批制度改革", "（7）超出限制的文件中的这一行不应被导入。", "生物医药处", "", "", "全年", ""};
			Row first = sheet.createRow(1);
			for (int c = 0; c < task.length; c++) {
				first.createCell(c).setCellValue(task[c]);
			}
			for (int r = 0; r < rows; r++) {
				Row row = sheet.createRow(r + 2);
				for (int c = 0; c < columns; c++) {
					row.createCell(c).setCellValue(text);
				}
			}
			wb.write(out);
			return out.toByteArray();
		}
	}

	/** A zip with the entries that make it look like a workbook, and the given entry of the given bytes. */
	private static byte[] zip(String name, byte[]... parts) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
			zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
			for (int i = 0; i < parts.length; i++) {
				zip.putNextEntry(new ZipEntry(parts.length == 1 ? name : name + i));
				zip.write(parts[i]);
			}
		}
		return out.toByteArray();
	}

	private ResultActions upload(byte[] bytes) throws Exception {
		return mvc.perform(multipart("/api/reform/tasks/import")
				.file(new MockMultipartFile("file", "tasks.xlsx", "application/octet-stream", bytes)).with(basic("admin")));
	}

	private void refused(byte[] bytes, String message) throws Exception {
		String before = contentOf(7);
		upload(bytes)
				.andExpect(status().isContentTooLarge())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.title").value("导入文件超出限制"))
				.andExpect(jsonPath("$.detail").value(Matchers.containsString(message)))
				.andExpect(jsonPath("$.errors[0].field").value("file"));
		assertThat(contentOf(7)).isEqualTo(before);
	}

	private String contentOf(int no) {
		return jdbc.sql("SELECT content FROM reform_task WHERE no = ?").param(no).query(String.class).single();
	}

	@Test
	void aFileOverFiveMegabytesIsRefused() throws Exception {
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		new Random(1).nextBytes(big);
		refused(zip("xl/media/image", big), "文件大小超过上限（5 MB）");
	}

	@Test
	void moreThanAThousandRowsAreRefusedAndNoneImported() throws Exception {
		refused(table(999, 1, "x"), "表格行数超过上限（1000 行）");
	}

	@Test
	void aThousandRowsAreWithinTheBound() throws Exception {
		// 1000 rows in all: the header, a task and 998 rows the sheet's own checks then report
		upload(table(998, 1, "x")).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].field").value("第3行 序号"));
	}

	@Test
	void moreThanTwentyThousandCellsAreRefused() throws Exception {
		refused(table(500, 40, "x"), "单元格数量超过上限（20000 个）");
	}

	@Test
	void aCellOverTwoThousandCharactersIsRefused() throws Exception {
		refused(table(1, 1, "字".repeat(2001)), "单元格的文字超过上限（2000 字）");
	}

	@Test
	void anEntryInflatingMoreThanAHundredfoldIsRefused() throws Exception {
		refused(zip("xl/worksheets/sheet1.xml", new byte[10 * 1024 * 1024]), "压缩比异常（解压后超过压缩时的 100 倍）");
	}

	@Test
	void moreThanTwentyMegabytesInflatedIsRefused() throws Exception {
		// text of two letters compresses about eightfold: 21 MB in 3 MB entries, within the ratio and the file size
		Random random = new Random(2);
		byte[][] parts = new byte[7][];
		for (int i = 0; i < parts.length; i++) {
			parts[i] = new byte[3 * 1024 * 1024];
			for (int j = 0; j < parts[i].length; j++) {
				parts[i][j] = (byte) (random.nextBoolean() ? 'a' : 'b');
			}
		}
		refused(zip("xl/media/text", parts), "文件解压后超过上限（20 MB）");
	}

	/**
	 * A zip bomb whose central directory understates its entry passes the declared checks; the entry is then
	 * read no further than it declares (and the bytes inflated are counted), so it is refused as unreadable.
	 */
	@Test
	void aZipBombThatLiesAboutItsSizeIsRefused() throws Exception {
		byte[] bomb = zip("xl/worksheets/sheet1.xml", new byte[30 * 1024 * 1024]);
		// the central directory's record of the last entry: uncompressed size at offset 24
		int record = lastIndexOf(bomb, new byte[] {0x50, 0x4b, 0x01, 0x02});
		bomb[record + 24] = 0x10;
		bomb[record + 25] = 0;
		bomb[record + 26] = 0;
		bomb[record + 27] = 0;
		String before = contentOf(7);
		upload(bomb).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("无法读取该 Excel 文件")));
		assertThat(contentOf(7)).isEqualTo(before);
	}

	@Test
	void aDisguisedFileIsNotTakenForAWorkbook() throws Exception {
		// a Word document named .xlsx, and a zip whose entries only claim to be a workbook
		ByteArrayOutputStream docx = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(docx)) {
			zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
			zip.putNextEntry(new ZipEntry("word/document.xml"));
			zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
		}
		upload(docx.toByteArray()).andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("文件不是 Excel 工作簿")));
		upload(zip("xl/worksheets/sheet1.xml", "<worksheet><sheetData>".getBytes(StandardCharsets.UTF_8)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].message").value(Matchers.startsWith("无法读取该 Excel 文件")));
	}

	@Test
	void thePageShowsTheMessage() throws Exception {
		mvc.perform(multipart("/reform/import")
				.file(new MockMultipartFile("file", "t.xlsx", null, zip("xl/worksheets/sheet1.xml", new byte[10 * 1024 * 1024])))
				.with(as("admin")).with(csrf()))
				.andExpect(status().isOk())
				.andExpect(content().string(Matchers.containsString("压缩比异常")))
				.andExpect(content().string(Matchers.not(Matchers.containsString("确认导入"))));
	}

	@Test
	void theBoundsAreSettings() {
		ImportLimits limits = new ImportLimits(org.springframework.util.unit.DataSize.ofKilobytes(1),
				org.springframework.util.unit.DataSize.ofMegabytes(1), 10, 5, 10, 20);
		assertThat(org.junit.jupiter.api.Assertions.assertThrows(org.tongban.shared.Problem.class,
				() -> limits.checkSize(1025)).detail()).contains("文件大小超过上限（1 KB）");
	}

	private static int lastIndexOf(byte[] bytes, byte[] pattern) {
		for (int i = bytes.length - pattern.length; i >= 0; i--) {
			if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}
}
