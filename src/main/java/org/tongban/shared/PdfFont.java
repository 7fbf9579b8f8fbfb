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
 * The bundled CJK font (Noto Sans SC, OFL) for the PDFs the product writes: copied once out of the jar, so PDFBox
 * reads it lazily from disk instead of parsing 10 MB each time, and parsed once per thread (a TrueTypeFont reads
 * its tables lazily and is not thread-safe). One instance serves a whole application.
 */
public final class PdfFont {

	public static final String RESOURCE = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";

	private volatile Path file;

	private final ThreadLocal<TrueTypeFont> parsed = new ThreadLocal<>();

	public TrueTypeFont font() throws IOException {
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
					try (InputStream in = PdfFont.class.getResourceAsStream(RESOURCE)) {
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
