package org.tongban.reform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.tongban.identity.OrgUnit;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Fuzzing;
import org.tongban.shared.Problem;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The task table import on input from an attacker: whatever the bytes, it answers with a parsed table, its
 * Chinese row errors, or a Chinese problem (a limit); nothing else is thrown, and a bound holds memory and
 * time. Run by security/fuzz.sh; without JAZZER_FUZZ it replays the inputs under TaskSheetFuzzTestsInputs.
 */
class TaskSheetFuzzTests {

	private static final Map<String, OrgUnit> UNITS = Map.of(
			"规划发展处", new OrgUnit("planning", "规划发展处", OrgUnit.Kind.DIVISION, "Planning", List.of()),
			"生物医药处", new OrgUnit("biomed", "生物医药处", OrgUnit.Kind.DIVISION, "Biomedicine", List.of()));

	private static final Function<String, Optional<OrgUnit>> RESOLVE = name -> Optional.ofNullable(UNITS.get(name));

	private static final String[] HEADER = {"序号", "任务分组", "任务内容", "区卫健委牵头部门", "区卫健委配合部门", "委属相关单位", "时间节点", "备注", "任务编号"};

	private static void read(byte[] bytes) {
		try {
			TaskSheet.Parsed parsed = new TaskSheet(RESOLVE, 2024, ImportLimits.defaults())
					.read(() -> new ByteArrayInputStream(bytes));
			for (FieldMessage error : parsed.errors()) {
				Fuzzing.requireChinese(error.message());
			}
		}
		catch (Problem problem) {
			Fuzzing.requireChinese(problem);
		}
	}

	/** Any bytes at all, seeded with an exported plan. */
	@FuzzTest(maxDuration = "60s")
	void arbitraryBytes(byte[] bytes) {
		read(bytes);
	}

	/** A well-formed workbook of the plan's layout (header optional) with arbitrary cells. */
	@FuzzTest(maxDuration = "60s")
	void wellFormedTableWithArbitraryCells(FuzzedDataProvider data) throws Exception {
		byte[] bytes;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet();
			int r = 0;
			if (data.consumeBoolean()) {
				Row header = sheet.createRow(r++);
				for (int c = 0; c < HEADER.length; c++) {
					header.createCell(c).setCellValue(data.consumeInt(0, 9) == 0 ? data.consumeString(10) : HEADER[c]);
				}
			}
			int rows = data.consumeInt(0, 30);
			for (int i = 0; i < rows; i++) {
				Row row = sheet.createRow(r + data.consumeInt(0, 3) + i);
				for (int c = 0; c < HEADER.length; c++) {
					switch (data.consumeInt(0, 4)) {
						case 0 -> row.createCell(c).setCellValue(data.consumeString(40));
						case 1 -> row.createCell(c).setCellValue(data.consumeDouble());
						case 2 -> row.createCell(c).setCellValue(java.time.LocalDate.ofEpochDay(data.consumeLong(-100_000, 100_000)));
						case 3 -> row.createCell(c).setCellValue(data.pickValue(new String[] {"1", "（7）任务内容", "规划发展处",
								"生物医药处、规划发展处", "全年", "12月", "2024-09-30", "一、总体要求", "0", "-1", "（0）", "13月底"}));
						default -> {
						}
					}
				}
				r = Math.max(r, row.getRowNum() - i);
			}
			workbook.write(out);
			bytes = out.toByteArray();
		}
		read(bytes);
	}

	/** A zip shaped like a workbook whose parts hold arbitrary bytes: the bounds and POI's reading of broken parts. */
	@FuzzTest(maxDuration = "60s")
	void workbookPartsWithArbitraryContent(FuzzedDataProvider data) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(data.consumeInt(0, 9));
			for (String name : List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
					"xl/sharedStrings.xml", "xl/worksheets/sheet1.xml")) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write(data.consumeBytes(data.consumeInt(0, 2000)));
			}
		}
		read(out.toByteArray());
	}
}
