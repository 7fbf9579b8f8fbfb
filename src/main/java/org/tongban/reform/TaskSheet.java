package org.tongban.reform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.core.io.InputStreamSource;
import org.tongban.identity.OrgUnit;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.Uploads;

/**
 * Reads the task-division table from an .xlsx in the plan's layout and checks every row, collecting all
 * problems (by row and column, in Chinese) rather than stopping at the first: the person fixing the file
 * should need one round, not twenty.
 */
class TaskSheet {

	/** The table's columns, with the header text that names each. */
	enum Column {
		NUMBER("序号", true), GROUP_TITLE("任务分组", true), CONTENT("任务内容", true),
		LEAD("区卫健委牵头部门", true), COOPERATING("区卫健委配合部门", true), UNITS("委属相关单位", true),
		DEADLINE("时间节点", true), REMARKS("备注", false), TASK_NO("任务编号", false);

		final String header;
		final boolean required;

		Column(String header, boolean required) {
			this.header = header;
			this.required = required;
		}
	}

	record Parsed(List<TaskDefinition> rows, List<FieldMessage> errors) {
	}

	private static final Map<String, Column> HEADERS = new HashMap<>();
	static {
		for (Column c : Column.values()) {
			HEADERS.put(c.header, c);
		}
		HEADERS.put("牵头部门", Column.LEAD);
		HEADERS.put("配合部门", Column.COOPERATING);
		HEADERS.put("相关单位", Column.UNITS);
	}

	private static final Pattern PART = Pattern.compile("^([一二三四五六七八九十]+)、(.+)$");
	private static final Pattern TASK_NO = Pattern.compile("^[（(]\\s*(\\d+)\\s*[）)]\\s*(.*)$", Pattern.DOTALL);
	private static final Pattern MONTH = Pattern.compile("^(\\d{1,2})月(底)?$");
	private static final Pattern SEPARATORS = Pattern.compile("[、，,；;/]");
	private static final int HEADER_SEARCH_ROWS = 20;

	private final Function<String, Optional<OrgUnit>> units;
	private final int planYear;

	private final ImportLimits limits;

	TaskSheet(Function<String, Optional<OrgUnit>> units, int planYear, ImportLimits limits) {
		this.units = units;
		this.planYear = planYear;
		this.limits = limits;
	}

	/**
	 * Reads the first sheet. A file past one of the {@link ImportLimits} is refused with a problem before
	 * POI builds the workbook; an unreadable or wrong file is an error of the result.
	 */
	Parsed read(InputStreamSource file) {
		List<FieldMessage> errors = new ArrayList<>();
		byte[] bytes;
		try {
			bytes = limits.read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (!Uploads.XLSX.equals(Uploads.detect(bytes))) {
			errors.add(new FieldMessage("file", "文件不是 Excel 工作簿（.xlsx），请按任务分工表的格式另存为 .xlsx 后上传。"));
			return new Parsed(List.of(), errors);
		}
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
			limits.check(zip);
			// POI reads the entries just checked, through the same central directory
			try (Workbook workbook = new XSSFWorkbook(OPCPackage.open(new ZipFileZipEntrySource(zip)))) {
				return read(workbook.getSheetAt(0));
			}
		}
		catch (Problem problem) {
			throw problem;
		}
		catch (Exception ex) {
			errors.add(new FieldMessage("file", "无法读取该 Excel 文件（文件可能已损坏或加密），请检查后重新上传。"));
			return new Parsed(List.of(), errors);
		}
	}

	private Parsed read(Sheet sheet) {
		List<FieldMessage> errors = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		Row header = null;
		for (int r = sheet.getFirstRowNum(); r <= Math.min(sheet.getLastRowNum(), HEADER_SEARCH_ROWS); r++) {
			Row row = sheet.getRow(r);
			if (row != null && columns(row, formatter).containsKey(Column.CONTENT)) {
				header = row;
				break;
			}
		}
		if (header == null) {
			errors.add(new FieldMessage("表头", sheet.getLastRowNum() < 0 && sheet.getPhysicalNumberOfRows() == 0
					? "文件是空的，没有任何内容。" : "未找到表头行：前 " + HEADER_SEARCH_ROWS + " 行中没有“任务内容”列。"));
			return new Parsed(List.of(), errors);
		}
		Map<Column, Integer> columns = columns(header, formatter);
		for (Column c : Column.values()) {
			if (c.required && !columns.containsKey(c)) {
				errors.add(new FieldMessage("表头", "缺少“" + c.header + "”列"));
			}
		}
		if (!errors.isEmpty()) {
			return new Parsed(List.of(), errors);
		}
		List<TaskDefinition> rows = new ArrayList<>();
		Map<Integer, Integer> seen = new HashMap<>();
		String part = null;
		String partTitle = null;
		Integer group = null;
		String groupTitle = null;
		for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null) {
				continue;
			}
			int line = r + 1;
			Map<Column, String> cells = new EnumMap<>(Column.class);
			columns.forEach((c, i) -> cells.put(c, text(row.getCell(i), formatter)));
			if (cells.values().stream().allMatch(String::isEmpty)) {
				continue;
			}
			Matcher partHeading = PART.matcher(cells.get(Column.NUMBER));
			if (partHeading.matches() && cells.get(Column.CONTENT).isEmpty()) {
				part = partHeading.group(1);
				partTitle = partHeading.group(2).strip();
				continue;
			}
			List<FieldMessage> rowErrors = new ArrayList<>();
			String number = cells.get(Column.NUMBER);
			if (!number.isEmpty()) {
				try {
					group = Integer.valueOf(number);
					if (group <= 0) {
						throw new NumberFormatException();
					}
					groupTitle = cells.get(Column.GROUP_TITLE);
					if (groupTitle.isEmpty()) {
						rowErrors.add(error(line, Column.GROUP_TITLE, "填写了序号 " + number + "，但任务分组名称为空"));
					}
				}
				catch (NumberFormatException ex) {
					group = null;
					rowErrors.add(error(line, Column.NUMBER, "序号“" + number + "”应为任务分组的编号（正整数）"));
				}
			}
			else if (group == null) {
				rowErrors.add(error(line, Column.NUMBER, "缺少任务分组的序号（同一分组只需在首行填写）"));
			}
			Integer no = null;
			String content = cells.get(Column.CONTENT);
			Matcher prefix = TASK_NO.matcher(content);
			if (prefix.matches()) {
				no = Integer.valueOf(prefix.group(1));
				content = prefix.group(2).strip();
			}
			String explicit = cells.getOrDefault(Column.TASK_NO, "");
			if (!explicit.isEmpty()) {
				try {
					no = Integer.valueOf(explicit);
				}
				catch (NumberFormatException ex) {
					rowErrors.add(error(line, Column.TASK_NO, "任务编号“" + explicit + "”应为正整数"));
				}
			}
			if (content.isEmpty()) {
				rowErrors.add(error(line, Column.CONTENT, "任务内容为空"));
			}
			if (no == null && explicit.isEmpty()) {
				rowErrors.add(error(line, Column.CONTENT, "缺少任务编号：任务内容应以“（编号）”开头，如“（1）……”"));
			}
			else if (no != null && no <= 0) {
				rowErrors.add(error(line, Column.CONTENT, "任务编号应为正整数"));
			}
			else if (no != null && seen.containsKey(no)) {
				rowErrors.add(error(line, Column.CONTENT, "任务编号（" + no + "）与第" + seen.get(no) + "行重复"));
			}
			else if (no != null) {
				seen.put(no, line);
			}
			List<String> lead = names(cells.get(Column.LEAD), line, Column.LEAD, rowErrors);
			if (cells.get(Column.LEAD).isEmpty()) {
				rowErrors.add(error(line, Column.LEAD, "牵头部门不能为空"));
			}
			List<String> cooperating = names(cells.get(Column.COOPERATING), line, Column.COOPERATING, rowErrors);
			List<String> related = names(cells.get(Column.UNITS), line, Column.UNITS, rowErrors);
			String deadlineText = cells.get(Column.DEADLINE);
			Cell deadlineCell = row.getCell(columns.get(Column.DEADLINE));
			LocalDate deadline = deadline(deadlineText, deadlineCell);
			if (deadline != null && isDate(deadlineCell)) {
				deadlineText = deadline.toString();
			}
			if (deadline == null) {
				rowErrors.add(error(line, Column.DEADLINE, deadlineText.isEmpty() ? "时间节点不能为空"
						: "无法识别时间节点“" + deadlineText + "”，应为“全年”、“N月”或日期（如 " + planYear + "-09-30）"));
			}
			if (rowErrors.isEmpty()) {
				rows.add(new TaskDefinition(no, group, groupTitle, part, partTitle, content, lead, cooperating,
						related, deadline, deadlineText, cells.getOrDefault(Column.REMARKS, "")));
			}
			errors.addAll(rowErrors);
		}
		if (rows.isEmpty() && errors.isEmpty()) {
			errors.add(new FieldMessage("file", "文件中没有任务行。"));
		}
		return new Parsed(rows, errors);
	}

	private List<String> names(String cell, int line, Column column, List<FieldMessage> errors) {
		List<String> names = new ArrayList<>();
		for (String part : SEPARATORS.split(cell)) {
			String name = part.strip();
			if (name.isEmpty()) {
				continue;
			}
			if (units.apply(name).isEmpty()) {
				errors.add(error(line, column, "未知的部门或单位“" + name + "”（须与组织机构表中的名称一致）"));
			}
			names.add(name);
		}
		return names;
	}

	/** 全年 is the plan year's last day, N月 the last day of that month; a real date is taken as it is. */
	private LocalDate deadline(String text, Cell cell) {
		if (isDate(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate();
		}
		if (text.equals("全年") || text.equals("年底")) {
			return LocalDate.of(planYear, 12, 31);
		}
		Matcher month = MONTH.matcher(text);
		if (month.matches()) {
			int m = Integer.parseInt(month.group(1));
			return m >= 1 && m <= 12 ? YearMonth.of(planYear, m).atEndOfMonth() : null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static boolean isDate(Cell cell) {
		return cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell);
	}

	private static Map<Column, Integer> columns(Row row, DataFormatter formatter) {
		Map<Column, Integer> columns = new EnumMap<>(Column.class);
		for (Cell cell : row) {
			Column c = HEADERS.get(text(cell, formatter).replaceAll("\\s+", ""));
			if (c != null && !columns.containsKey(c)) {
				columns.put(c, cell.getColumnIndex());
			}
		}
		return columns;
	}

	/** A cell as text, with the line breaks of a wrapped cell removed (they are layout, not content). */
	private static String text(Cell cell, DataFormatter formatter) {
		if (cell == null) {
			return "";
		}
		return formatter.formatCellValue(cell).replaceAll("\\s*\\R\\s*", "").strip();
	}

	private static FieldMessage error(int line, Column column, String message) {
		return new FieldMessage("第" + line + "行 " + column.header, message);
	}
}
