package org.tongban.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Each of the three lists downloads as a spreadsheet that lists exactly its items. */
class ExportingListsTests extends CatalogueIntegrationTest {

	@Test
	void theThreeListsOpenInPoiWithTheirItems() throws Exception {
		assertThat(codes("licensing")).hasSize(30).allMatch(c -> c.startsWith("PD-WJW-XK-")).contains("PD-WJW-XK-002");
		assertThat(codes("filing")).hasSize(10).allMatch(c -> c.startsWith("PD-WJW-BA-"));
		assertThat(codes("public-service")).hasSize(22).allMatch(c -> c.startsWith("PD-WJW-GG-"));
		mvc.perform(get("/api/catalogue/lists/others.xlsx")).andExpect(status().isNotFound());
	}

	@Test
	void aRowCarriesTheGuideHeadlines() throws Exception {
		try (XSSFWorkbook book = book("filing")) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getSheetName()).isEqualTo("行政备案事项清单");
			Row first = sheet.getRow(2);
			assertThat(first.getCell(2).getStringCellValue()).isEqualTo("食品安全企业标准备案");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("行政备案");
			assertThat(first.getCell(6).getStringCellValue()).contains("《");
		}
	}

	private List<String> codes(String list) throws Exception {
		try (XSSFWorkbook book = book(list)) {
			Sheet sheet = book.getSheetAt(0);
			List<String> codes = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				codes.add(sheet.getRow(r).getCell(1).getStringCellValue());
			}
			return codes;
		}
	}

	private XSSFWorkbook book(String list) throws Exception {
		byte[] bytes = mvc.perform(get("/api/catalogue/lists/" + list + ".xlsx")).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsByteArray();
		return new XSSFWorkbook(new ByteArrayInputStream(bytes));
	}
}
