package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** Upload types are told by the bytes; zip-based ones by the names in the central directory, never inflating. */
class DetectingUploadTypesTests {

	/** A zip as a browser would send it, streamed: each deflated entry ends with a data descriptor. */
	static byte[] zip(String... names) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write(("<x>" + name + "</x>").repeat(50).getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return out.toByteArray();
	}

	@Test
	void zipBasedFormatsAreToldApartByTheirEntries() throws Exception {
		assertThat(Uploads.detect(zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo(Uploads.XLSX);
		assertThat(Uploads.detect(new ByteArrayResource(zip("[Content_Types].xml", "xl/workbook.xml"))))
				.isEqualTo(Uploads.XLSX);
		assertThat(Uploads.detect(zip("[Content_Types].xml", "word/document.xml"))).isEqualTo(Uploads.DOCX);
		assertThat(Uploads.detect(zip("OFD.xml"))).isEqualTo(Uploads.OFD);
		assertThat(Uploads.detect(zip("a.txt"))).isEqualTo("application/zip");
	}

	/**
	 * The fuzzer found detection spending unbounded time on a zip bomb: it read through every entry,
	 * inflating each. The names are in the central directory; an entry whose compressed data is not even
	 * valid deflate shows that nothing is inflated any more (reading the entries failed on it).
	 */
	@Test
	void detectionReadsTheCentralDirectoryOnlyAndInflatesNothing() throws Exception {
		byte[] bytes = zip("xl/worksheets/sheet1.xml", "[Content_Types].xml", "xl/workbook.xml");
		int nameLength = (bytes[26] & 0xff) | (bytes[27] & 0xff) << 8;
		int extraLength = (bytes[28] & 0xff) | (bytes[29] & 0xff) << 8;
		bytes[30 + nameLength + extraLength] = (byte) 0xff; // a deflate block of the reserved type: invalid
		assertThat(Uploads.detect(new ByteArrayResource(bytes))).isEqualTo(Uploads.XLSX);
	}

	@Test
	void aTruncatedOrGarbledZipIsJustAZip() throws Exception {
		byte[] bytes = zip("[Content_Types].xml", "xl/workbook.xml");
		byte[] truncated = java.util.Arrays.copyOf(bytes, bytes.length - 30);
		assertThat(Uploads.detect(truncated)).isEqualTo("application/zip");
		assertThat(Uploads.detect("PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/zip");
	}
}
