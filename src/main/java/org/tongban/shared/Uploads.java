package org.tongban.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.tika.Tika;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;

/**
 * Checks an upload against the media types a use case accepts, judging by the bytes only: a file
 * name or a browser's Content-Type is what an attacker controls, so neither is trusted.
 */
public final class Uploads {

	public static final String PDF = "application/pdf";
	public static final String JPEG = "image/jpeg";
	public static final String PNG = "image/png";
	public static final String OFD = "application/ofd";
	public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
	public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	/** The documents staff attach to reports and cases. */
	public static final Set<String> DOCUMENTS = Set.of(PDF, JPEG, PNG, OFD, DOCX, XLSX);

	/** What applicants upload as the materials of a case. */
	public static final Set<String> APPLICATION_MATERIALS = Set.of(PDF, JPEG, PNG, OFD);

	public static final long MAX_BYTES = 20L * 1024 * 1024;

	private static final Map<String, String> LABELS = Map.of(PDF, "PDF", JPEG, "JPG", PNG, "PNG", OFD, "OFD", DOCX,
			"DOCX", XLSX, "XLSX");

	/** tika-core alone sees only "a zip"; these entries tell the zip-based formats apart. */
	private static final Map<String, List<String>> ZIP_MARKERS = Map.of(
			XLSX, List.of("[Content_Types].xml", "xl/workbook.xml"),
			DOCX, List.of("[Content_Types].xml", "word/document.xml"),
			OFD, List.of("OFD.xml"));

	private static final Tika TIKA = new Tika();

	private Uploads() {
	}

	/**
	 * Returns the detected media type of an upload that is one of {@code allowed}, or throws a problem
	 * (field {@code field}) that says in Chinese what was wrong and what is accepted.
	 */
	public static String check(String field, String filename, long size, InputStreamSource content,
			Set<String> allowed) {
		String name = filename == null || filename.isBlank() ? "上传的文件" : "文件“" + filename + "”";
		if (size <= 0) {
			throw Problem.invalid(field, name + "是空文件，请重新选择。");
		}
		if (size > MAX_BYTES) {
			throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "upload-too-large", "文件过大",
					name + "超过 20 MB，请压缩或拆分后重新上传。", List.of(new FieldMessage(field, name + "超过 20 MB")));
		}
		String detected = detect(content);
		if (!allowed.contains(detected)) {
			throw Problem.invalid(field, name + "的实际格式不受支持（只接受 " + labels(allowed)
					+ "；判断依据是文件内容，不是扩展名）。");
		}
		return detected;
	}

	/** The media type the bytes say, with the zip-based office and OFD formats told apart. */
	public static String detect(InputStreamSource content) {
		try (InputStream in = new BufferedInputStream(content.getInputStream())) {
			String type = TIKA.detect(in);
			if (!isZip(type)) {
				return type;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try (InputStream in = content.getInputStream()) {
			byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
			return bytes.length > MAX_BYTES ? "application/zip" : zipKind(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@link #detect(InputStreamSource)} of bytes already in memory. */
	public static String detect(byte[] bytes) {
		String type = TIKA.detect(bytes);
		return isZip(type) ? zipKind(bytes) : type;
	}

	private static boolean isZip(String type) {
		return type.equals("application/zip") || type.startsWith("application/x-tika-") || type.equals(XLSX)
				|| type.equals(DOCX);
	}

	/**
	 * Tells the zip-based formats apart by the names in the zip's central directory alone: nothing is
	 * inflated, so a zip bomb costs no more than its size (reading the entries, as before, inflated them all).
	 */
	private static String zipKind(byte[] bytes) {
		Set<String> entries = new HashSet<>();
		try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes))
				.setIgnoreLocalFileHeader(true).get()) {
			for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements();) {
				entries.add(e.nextElement().getName());
			}
		}
		catch (IOException | RuntimeException ex) {
			// not a readable zip (commons-compress throws unchecked exceptions on some malformed archives)
			return "application/zip";
		}
		return ZIP_MARKERS.entrySet().stream()
				.filter(e -> entries.containsAll(e.getValue()))
				.map(Map.Entry::getKey)
				.findFirst()
				.orElse("application/zip");
	}

	private static String labels(Set<String> allowed) {
		return String.join("、", allowed.stream().map(t -> LABELS.getOrDefault(t, t)).sorted().toList());
	}
}
