package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan's data file says exactly what the official table says: the seed text is parsed here on its
 * own (not with the script that generated the file) and compared task by task.
 */
class PlanDataFileMatchesSeedTests {

	private static final Pattern PART = Pattern.compile("^([一二三四五六七八九十]+)、(.+)$");
	private static final Pattern TASK = Pattern.compile("^（(\\d+)）(.*)$", Pattern.DOTALL);

	@Test
	void dataFileHoldsTheSixtyFiveTasksOfTheSeedTable() throws IOException {
		List<TaskDefinition> fromSeed = parseSeed(read("seeds/reform-tasks-2024.txt"));
		List<TaskDefinition> fromFile;
		try (InputStream in = new ClassPathResource(PlanLoader.PLAN).getInputStream()) {
			fromFile = JsonMapper.builder().build().readValue(in, new TypeReference<List<TaskDefinition>>() {
			});
		}
		assertThat(fromSeed).hasSize(65);
		assertThat(fromFile).containsExactlyElementsOf(fromSeed);
	}

	@Test
	void seedQuirksAreReadAsThePlanMeansThem() throws IOException {
		List<TaskDefinition> tasks = parseSeed(read("seeds/reform-tasks-2024.txt"));
		TaskDefinition t2 = tasks.get(1);
		assertThat(t2.group()).isEqualTo(1);
		assertThat(tasks.get(8).groupTitle()).isEqualTo("持续深化“一业一证”改革");
		assertThat(tasks.get(8).group()).isEqualTo(2);
		// several lead divisions in one cell
		assertThat(tasks.get(19).leadDivisions()).containsExactly("医政处", "公卫处", "人口家发处");
		// task 57's cooperating cell runs over a blank line
		assertThat(tasks.get(56).cooperatingDivisions()).containsExactly("规划发展处", "医政处");
		// task 65 has no cooperating division and no unit
		assertThat(tasks.get(64).cooperatingDivisions()).isEmpty();
		assertThat(tasks.get(64).units()).isEmpty();
		assertThat(tasks.get(2).deadline()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(tasks.get(0).deadline()).isEqualTo(LocalDate.of(2024, 12, 31));
		assertThat(tasks.get(0).part()).isEqualTo("一");
		assertThat(tasks.get(64).part()).isEqualTo("五");
	}

	private static String read(String path) throws IOException {
		try (InputStream in = new ClassPathResource(path).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
		}
	}

	/** Cells start with a tab at the start of a line; a row ends where a blank line meets the next cell. */
	static List<TaskDefinition> parseSeed(String text) {
		String table = text.substring(text.indexOf("\n\t") + 1);
		List<TaskDefinition> tasks = new ArrayList<>();
		String part = null;
		String partTitle = null;
		Integer group = null;
		String groupTitle = null;
		for (String row : table.replaceAll("^\n+|\n+$", "").split("\n\n(?=\t)")) {
			String[] cells = row.substring(row.indexOf('\t') + 1).split("\n\t", -1);
			String first = compact(cells[0]);
			Matcher heading = PART.matcher(first);
			if (heading.matches() && Arrays.stream(cells).skip(1).allMatch(c -> compact(c).isEmpty())) {
				part = heading.group(1);
				partTitle = heading.group(2);
				continue;
			}
			if (cells.length != 8 || first.equals("序号")) {
				continue;
			}
			if (!first.isEmpty()) {
				group = Integer.valueOf(first);
				groupTitle = compact(cells[1]);
			}
			Matcher task = TASK.matcher(cells[2].strip());
			assertThat(task.matches()).as("task number in %s", cells[2]).isTrue();
			String deadlineText = compact(cells[6]);
			LocalDate deadline = deadlineText.equals("全年") ? LocalDate.of(2024, 12, 31)
					: YearMonth.of(2024, Integer.parseInt(deadlineText.replace("月", ""))).atEndOfMonth();
			String remarks = lines(cells[7]);
			tasks.add(new TaskDefinition(Integer.parseInt(task.group(1)), group, groupTitle, part, partTitle,
					lines(task.group(2)), names(cells[3]), names(cells[4]), names(cells[5]), deadline, deadlineText,
					remarks.isEmpty() ? null : remarks));
		}
		return tasks;
	}

	private static String compact(String cell) {
		return cell.replaceAll("\\s+", "");
	}

	private static String lines(String cell) {
		return cell.replaceAll("\\s*\\n\\s*", "").strip();
	}

	private static List<String> names(String cell) {
		String compact = compact(cell);
		return compact.isEmpty() ? List.of() : List.of(compact.split("、"));
	}
}
