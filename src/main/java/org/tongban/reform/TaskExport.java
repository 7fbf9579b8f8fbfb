package org.tongban.reform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/**
 * Writes tasks as the plan's task-division table (part headings, group number and title on a group's
 * first row, "（N）" before the task text) plus 状态, 进度 and 最近报告, so that the file reads like the
 * original and imports back unchanged.
 */
@Service
public class TaskExport {

	static final String TITLE = "浦东新区卫生健康领域推进政务服务改革、深化“一网通办”改革工作任务分工表";
	static final String[] HEADERS = {"序号", "任务分组", "任务内容", "区卫健委牵头部门", "区卫健委配合部门", "委属相关单位",
			"时间节点", "备注", "状态", "进度", "最近报告"};

	private final ReformCockpit cockpit;

	TaskExport(ReformCockpit cockpit) {
		this.cockpit = cockpit;
	}

	public void write(TaskFilter filter, OutputStream out) {
		List<TaskSummary> tasks = cockpit.tasks(filter);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet("任务分工表");
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			int r = 0;
			Row title = sheet.createRow(r++);
			title.createCell(0).setCellValue(TITLE);
			title.getCell(0).setCellStyle(bold);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
			Row header = sheet.createRow(r++);
			for (int c = 0; c < HEADERS.length; c++) {
				header.createCell(c).setCellValue(HEADERS[c]);
				header.getCell(c).setCellStyle(bold);
			}
			String part = null;
			Integer group = null;
			for (TaskSummary t : tasks) {
				if (t.part() != null && !Objects.equals(t.part(), part)) {
					part = t.part();
					Row heading = sheet.createRow(r++);
					heading.createCell(0).setCellValue(t.part() + "、" + t.partTitle());
					heading.getCell(0).setCellStyle(bold);
				}
				Row row = sheet.createRow(r++);
				if (!Objects.equals(t.group(), group)) {
					group = t.group();
					row.createCell(0).setCellValue(t.group());
					row.createCell(1).setCellValue(t.groupTitle());
				}
				row.createCell(2).setCellValue("（" + t.no() + "）" + t.content());
				row.createCell(3).setCellValue(String.join("、", t.leadDivisions()));
				row.createCell(4).setCellValue(String.join("、", t.cooperatingDivisions()));
				row.createCell(5).setCellValue(String.join("、", t.units()));
				row.createCell(6).setCellValue(t.deadlineText());
				row.createCell(7).setCellValue(t.remarks() == null ? "" : t.remarks());
				row.createCell(8).setCellValue(t.statusLabel());
				row.createCell(9).setCellValue(t.progress());
				row.createCell(10).setCellValue(t.latestReport() == null ? "" : t.latestReport());
			}
			int[] widths = {6, 24, 60, 18, 24, 24, 10, 10, 8, 6, 40};
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256 * 2);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
