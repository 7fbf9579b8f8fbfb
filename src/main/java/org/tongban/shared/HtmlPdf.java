package org.tongban.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Documents the product writes as PDF from XHTML (openhtmltopdf on PDFBox) in the bundled CJK font (Noto Sans SC,
 * OFL), reproducibly: the document id comes from the content and the creation date is the one given, not the time
 * of rendering. The font is copied once out of the jar, so PDFBox reads it lazily from disk instead of parsing
 * 10 MB each time, and parsed once per thread (a TrueTypeFont reads its tables lazily and is not thread-safe).
 */
public final class HtmlPdf {

	public static final String RESOURCE = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	/** The font family the XHTML's CSS names. */
	public static final String FAMILY = "Noto Sans SC";

	private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

	static {
		// openhtmltopdf logs every render at INFO on stderr
		for (String logger : com.openhtmltopdf.util.XRLog.listRegisteredLoggers()) {
			com.openhtmltopdf.util.XRLog.setLevel(logger, java.util.logging.Level.WARNING);
		}
	}

	private volatile Path file;

	private final ThreadLocal<TrueTypeFont> parsed = new ThreadLocal<>();

	/** Renders {@code xhtml} dated {@code date}; {@code title} (optional) goes into the document information. */
	public byte[] render(String xhtml, String producer, java.time.Instant date, String title) {
		try (org.apache.pdfbox.pdmodel.PDDocument pdf = new org.apache.pdfbox.pdmodel.PDDocument();
				java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
			pdf.setDocumentId((long) xhtml.hashCode());
			var builder = new com.openhtmltopdf.pdfboxout.PdfRendererBuilder();
			builder.usePDDocument(pdf);
			builder.useFastMode();
			builder.useFont(new com.openhtmltopdf.pdfboxout.PDFontSupplier(
					org.apache.pdfbox.pdmodel.font.PDType0Font.load(pdf, font(), true)), FAMILY);
			builder.withHtmlContent(xhtml, null);
			builder.withProducer(producer);
			try (var renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				renderer.createPDFWithoutClosing();
			}
			// openhtmltopdf stamps the current time; the document carries its own date instead
			java.util.Calendar created = java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone(ZONE));
			created.setTimeInMillis(date.toEpochMilli());
			if (title != null) {
				pdf.getDocumentInformation().setTitle(title);
			}
			pdf.getDocumentInformation().setCreationDate(created);
			pdf.getDocumentInformation().setModificationDate(null);
			pdf.save(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	private TrueTypeFont font() throws IOException {
		TrueTypeFont ttf = parsed.get();
		if (ttf == null) {
			ttf = new TTFParser().parse(new RandomAccessReadBufferedFile(file().toFile()));
			parsed.set(ttf);
		}
		return ttf;
	}

	private Path file() throws IOException {
		Path f = file;
		if (f == null) {
			synchronized (this) {
				if (file == null) {
					try (InputStream in = HtmlPdf.class.getResourceAsStream(RESOURCE)) {
						if (in == null) {
							throw new IOException("Noto Sans SC font missing from the class path");
						}
						Path tmp = Files.createTempFile("tongban-notosanssc", ".ttf");
						tmp.toFile().deleteOnExit();
						Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
						file = tmp;
					}
				}
				f = file;
			}
		}
		return f;
	}
}
