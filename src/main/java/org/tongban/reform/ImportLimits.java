package org.tongban.reform;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.List;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * How much an imported task table may hold. A plan's table is tens of kilobytes and a hundred rows; these
 * bounds are far above that and far below what would exhaust the server. Everything is checked before POI
 * builds the workbook: the zip's central directory (declared sizes and ratios), then one streaming pass that
 * counts the bytes actually inflated and the rows, cells and text of the sheets. POI then reads exactly the
 * entries checked (the same central directory), never the local headers a crafted file could disagree with.
 *
 * @param maxFileSize the uploaded file
 * @param maxUncompressed all entries together, inflated
 * @param maxInflationRatio an entry's inflated size over its compressed size (entries past 100 KB)
 * @param maxRows rows of all sheets
 * @param maxCells cells of all sheets
 * @param maxCellChars the text of one cell
 */
@ConfigurationProperties("tongban.reform.import")
public record ImportLimits(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("20MB") DataSize maxUncompressed,
		@DefaultValue("100") int maxInflationRatio, @DefaultValue("1000") int maxRows,
		@DefaultValue("20000") int maxCells, @DefaultValue("2000") int maxCellChars) {

	/** Small entries compress well for good reasons; ratios count past this size (as POI's own guard does). */
	private static final long RATIO_GRACE = 100 * 1024;

	private static final XMLInputFactory XML = XMLInputFactory.newFactory();
	static {
		XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	public static ImportLimits defaults() {
		return new ImportLimits(DataSize.ofMegabytes(5), DataSize.ofMegabytes(20), 100, 1000, 20000, 2000);
	}

	/** The bytes of an upload, refused past {@link #maxFileSize} whatever size the request declared. */
	byte[] read(InputStreamSource file) throws IOException {
		try (InputStream in = file.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxFileSize.toBytes() + 1));
			checkSize(bytes.length);
			return bytes;
		}
	}

	void checkSize(long size) {
		if (size > maxFileSize.toBytes()) {
			throw tooLarge("文件大小超过上限（" + mb(maxFileSize) + "），请删去多余的工作表、图片或格式后重新上传。");
		}
	}

	/** Throws a problem naming the first bound the workbook passes; returns when it is within all. */
	void check(ZipFile zip) throws IOException, XMLStreamException {
		List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
		long declared = 0;
		for (ZipArchiveEntry entry : entries) {
			long size = entry.getSize();
			long compressed = entry.getCompressedSize();
			if (size > RATIO_GRACE && (compressed <= 0 || size / compressed >= maxInflationRatio)) {
				throw tooLarge("文件中的“" + shortName(entry) + "”压缩比异常（解压后超过压缩时的 " + maxInflationRatio
						+ " 倍），可能是恶意构造的压缩文件，已拒绝导入。");
			}
			declared += Math.max(size, 0);
		}
		if (declared > maxUncompressed.toBytes()) {
			throw tooUncompressed();
		}
		Counts counts = new Counts();
		for (ZipArchiveEntry entry : entries) {
			try (InputStream in = new Counted(zip.getInputStream(entry), counts)) {
				String name = entry.getName();
				if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
					sheet(in, counts);
				}
				else if (name.equals("xl/sharedStrings.xml")) {
					sharedStrings(in);
				}
				else {
					in.transferTo(OutputStream.nullOutputStream());
				}
			}
		}
	}

	private void sheet(InputStream in, Counts counts) throws XMLStreamException {
		XMLStreamReader xml = XML.createXMLStreamReader(in);
		try {
			String row = null;
			int text = -1;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamReader.START_ELEMENT) {
					switch (xml.getLocalName()) {
						case "row" -> {
							row = xml.getAttributeValue(null, "r");
							if (++counts.rows > maxRows) {
								throw tooLarge("表格行数超过上限（" + maxRows + " 行），请删去多余的行或拆分后分批导入。");
							}
						}
						case "c" -> {
							if (++counts.cells > maxCells) {
								throw tooLarge("单元格数量超过上限（" + maxCells + " 个），请删去多余的列或拆分后分批导入。");
							}
						}
						case "v", "t" -> text = 0;
						default -> {
						}
					}
				}
				else if (text >= 0 && (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA)) {
					text += xml.getTextLength();
					if (text > maxCellChars) {
						throw tooLongText(row);
					}
				}
				else if (event == XMLStreamReader.END_ELEMENT) {
					text = -1;
				}
			}
		}
		finally {
			xml.close();
		}
	}

	/** A shared string is the text of its {@code <t>} runs together. */
	private void sharedStrings(InputStream in) throws XMLStreamException {
		XMLStreamReader xml = XML.createXMLStreamReader(in);
		try {
			int text = 0;
			boolean inText = false;
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamReader.START_ELEMENT) {
					if (xml.getLocalName().equals("si")) {
						text = 0;
					}
					inText = xml.getLocalName().equals("t");
				}
				else if (inText && (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA)) {
					text += xml.getTextLength();
					if (text > maxCellChars) {
						throw tooLongText(null);
					}
				}
				else if (event == XMLStreamReader.END_ELEMENT) {
					inText = false;
				}
			}
		}
		finally {
			xml.close();
		}
	}

	private Problem tooLongText(String row) {
		String where = row != null && row.matches("\\d{1,7}") ? "第 " + row + " 行有" : "有";
		return tooLarge("文件中" + where + "单元格的文字超过上限（" + maxCellChars + " 字），请精简后重新上传。");
	}

	private Problem tooUncompressed() {
		return tooLarge("文件解压后超过上限（" + mb(maxUncompressed) + "），请删去多余的工作表、图片或格式后重新上传。");
	}

	static Problem tooLarge(String message) {
		return new Problem(HttpStatus.CONTENT_TOO_LARGE, "reform-import-too-large", "导入文件超出限制", message,
				List.of(new FieldMessage("file", message)));
	}

	private static String mb(DataSize size) {
		return size.toBytes() % (1024 * 1024) == 0 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
	}

	private static String shortName(ZipArchiveEntry entry) {
		String name = entry.getName();
		return name.length() > 80 ? name.substring(0, 80) + "…" : name;
	}

	private static final class Counts {
		long bytes;
		int rows;
		int cells;
	}

	/** Counts the bytes actually inflated, which a crafted central directory may understate. */
	private final class Counted extends FilterInputStream {

		private final Counts counts;

		Counted(InputStream in, Counts counts) {
			super(in);
			this.counts = counts;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				add(1);
			}
			return b;
		}

		@Override
		public int read(byte[] b, int off, int len) throws IOException {
			int n = super.read(b, off, len);
			if (n > 0) {
				add(n);
			}
			return n;
		}

		private void add(long n) {
			counts.bytes += n;
			if (counts.bytes > maxUncompressed.toBytes()) {
				throw tooUncompressed();
			}
		}
	}
}
