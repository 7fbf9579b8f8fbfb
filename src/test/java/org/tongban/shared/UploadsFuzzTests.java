package org.tongban.shared;

import java.io.ByteArrayInputStream;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Upload type detection on any bytes: a media type or a Chinese problem, never another exception, and no
 * input that costs more than its size (a zip bomb used to be inflated entry by entry).
 */
class UploadsFuzzTests {

	private static final String[] NAMES = {"[Content_Types].xml", "xl/workbook.xml", "word/document.xml", "OFD.xml", "a"};

	@FuzzTest(maxDuration = "60s")
	void detectAnyBytes(byte[] bytes) {
		String fromBytes = Uploads.detect(bytes);
		String fromStream = Uploads.detect(() -> new ByteArrayInputStream(bytes));
		if (!fromBytes.equals(fromStream)) {
			throw new AssertionError(fromBytes + " != " + fromStream);
		}
		try {
			Uploads.check("file", "x", bytes.length, () -> new ByteArrayInputStream(bytes), Uploads.DOCUMENTS);
		}
		catch (Problem problem) {
			Fuzzing.requireChinese(problem);
		}
	}

	/** Zips with the names that mark the office and OFD formats, and arbitrary (often broken) data. */
	@FuzzTest(maxDuration = "60s")
	void detectZipsWithMarkerEntries(FuzzedDataProvider data) throws Exception {
		var out = new java.io.ByteArrayOutputStream();
		try (var zip = new java.util.zip.ZipOutputStream(out)) {
			int entries = data.consumeInt(0, 5);
			Set<String> written = new java.util.HashSet<>();
			for (int i = 0; i < entries; i++) {
				String name = data.consumeBoolean() ? data.pickValue(NAMES) : data.consumeString(20) + i;
				if (!written.add(name)) {
					continue; // java.util.zip writes each name once (the harness's limit, not the product's)
				}
				zip.putNextEntry(new java.util.zip.ZipEntry(name));
				zip.write(data.consumeBytes(data.consumeInt(0, 500)));
			}
		}
		byte[] bytes = out.toByteArray();
		// damage some bytes of the archive (local headers, data, central directory)
		int damage = data.consumeInt(0, 4);
		for (int i = 0; i < damage && bytes.length > 0; i++) {
			bytes[data.consumeInt(0, bytes.length - 1)] = data.consumeByte();
		}
		String type = Uploads.detect(bytes);
		if (!Set.of(Uploads.XLSX, Uploads.DOCX, Uploads.OFD, "application/zip").contains(type) && !type.startsWith("application/")) {
			throw new AssertionError("unexpected type " + type);
		}
	}
}
