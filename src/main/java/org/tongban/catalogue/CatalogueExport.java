package org.tongban.catalogue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;

/** Writes one of the three published lists (行政许可 / 行政备案 / 公共服务事项清单) as a spreadsheet. */
@Service
public class CatalogueExport {

	static final String[] HEADERS = {"序号", "事项编码", "事项名称", "事项类型", "责任处室", "受理单位", "设定依据",
			"法定时限（工作日）", "承诺时限（工作日）", "即办件", "收费", "网上办理", "指南版本", "待复核"};

	private final Catalogue catalogue;

	CatalogueExport(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	public void write(ItemType type, OutputStream out) {
		List<ServiceItemSummary> items = catalogue.items(type, null, null);
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
			Sheet sheet = workbook.createSheet(type.listTitle());
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Row title = sheet.createRow(0);
			title.createCell(0).setCellValue("浦东新区卫生健康委员会" + type.listTitle());
			title.getCell(0).setCellStyle(bold);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADERS.length - 1));
			Row header = sheet.createRow(1);
			for (int c = 0; c < HEADERS.length; c++) {
				header.createCell(c).setCellValue(HEADERS[c]);
				header.getCell(c).setCellStyle(bold);
			}
			int r = 2;
			for (ServiceItemSummary item : items) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(r - 1);
				row.createCell(1).setCellValue(item.code());
				row.createCell(2).setCellValue(item.name());
				row.createCell(3).setCellValue(item.typeLabel());
				row.createCell(4).setCellValue(item.divisionName());
				row.createCell(5).setCellValue(item.handlingUnitName());
				row.createCell(6).setCellValue(basis(item.code()));
				if (item.statutoryDays() != null) {
					row.createCell(7).setCellValue(item.statutoryDays());
				}
				else {
					row.createCell(7).setCellValue("无");
				}
				row.createCell(8).setCellValue(item.promisedDays());
				row.createCell(9).setCellValue(item.immediate() ? "是" : "否");
				row.createCell(10).setCellValue(item.fee() == null ? "" : item.fee());
				row.createCell(11).setCellValue(item.online() ? "是" : "否");
				row.createCell(12).setCellValue(item.version());
				row.createCell(13).setCellValue(item.needsReview() ? "是：" + item.reviewReason() : "");
				r++;
			}
			int[] widths = {5, 16, 30, 8, 10, 12, 50, 8, 8, 6, 8, 6, 6, 30};
			for (int c = 0; c < widths.length; c++) {
				sheet.setColumnWidth(c, widths[c] * 256 * 2);
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String basis(String code) {
		return catalogue.published(code).map(g -> g.legalBasis().stream()
				.map(b -> "《" + b.name() + "》" + (b.article() == null ? "" : b.article()))
				.distinct().collect(Collectors.joining("；"))).orElse("");
	}
}
