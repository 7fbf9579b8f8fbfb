package org.tongban.licences;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.GeneralPath;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Renders a licence as an A4 PDF: title, fields, the authority's red seal (drawn here, no image from
 * elsewhere) and a QR code to the public verification page. The CJK font (Noto Sans SC, OFL) is embedded as
 * a subset, so the PDF looks the same everywhere. PDFs are cached by a hash of everything they show.
 */
@Component
class LicencePdf {

	static final String FONT_RESOURCE = "/fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
	private static final int CACHE_SIZE = 256;

	private final byte[] font;
	private volatile String sealDataUri;
	private final Map<String, byte[]> cache = java.util.Collections.synchronizedMap(
			new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
					return size() > CACHE_SIZE;
				}
			});

	LicencePdf() {
		try (InputStream in = LicencePdf.class.getResourceAsStream(FONT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Font " + FONT_RESOURCE + " missing (ph-fonts-noto-sans-sc)");
			}
			this.font = in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	byte[] render(Licence l, LicenceStatus status, String verifyUrl) {
		String html = html(l, status, verifyUrl);
		String key = sha256(html);
		byte[] cached = cache.get(key);
		if (cached != null) {
			return cached;
		}
		byte[] pdf = renderUncached(html);
		cache.put(key, pdf);
		return pdf;
	}

	/**
	 * Without the cache: what the benchmark measures. Parsing the 10 MB font is most of the cost of a PDF, so
	 * parsed fonts are kept in a small pool (a parsed font reads glyphs lazily and is not thread-safe: one
	 * render at a time per font); only the subset of glyphs used is embedded.
	 */
	byte[] renderUncached(String html) {
		TrueTypeFont ttf = borrowFont();
		try (ByteArrayOutputStream out = new ByteArrayOutputStream(); PDDocument doc = new PDDocument()) {
			PdfRendererBuilder b = new PdfRendererBuilder();
			b.useFastMode();
			b.usePDDocument(doc);
			b.useFont(new PDFontSupplier(PDType0Font.load(doc, ttf, true)), "Noto Sans SC");
			b.withHtmlContent(html, null);
			b.toStream(out);
			b.run();
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			fonts.offer(ttf);
		}
	}

	private final java.util.concurrent.BlockingQueue<TrueTypeFont> fonts = new java.util.concurrent.LinkedBlockingQueue<>();
	private final java.util.concurrent.atomic.AtomicInteger fontsParsed = new java.util.concurrent.atomic.AtomicInteger();
	private static final int MAX_FONTS = Math.max(2, Runtime.getRuntime().availableProcessors());

	private TrueTypeFont borrowFont() {
		TrueTypeFont f = fonts.poll();
		if (f != null) {
			return f;
		}
		if (fontsParsed.incrementAndGet() <= MAX_FONTS) {
			try {
				return new TTFParser().parse(new RandomAccessReadBuffer(font));
			}
			catch (IOException e) {
				fontsParsed.decrementAndGet();
				throw new UncheckedIOException(e);
			}
		}
		fontsParsed.decrementAndGet();
		try {
			return fonts.take();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for a font", e);
		}
	}

	String html(Licence l, LicenceStatus status, String verifyUrl) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("证照编号", l.number());
		fields.put(l.holderKind() == Licence.HolderKind.PERSON ? "持证人" : "单位名称", l.holderName());
		fields.put(l.holderKind() != Licence.HolderKind.PERSON ? "统一社会信用代码"
				: "RESIDENT_ID".equals(l.holderIdType()) ? "身份证号"
						: org.tongban.shared.IdDocumentType.parse(l.holderIdType()).map(t -> t.numberLabel()).orElse("证件号码"),
				l.holderId());
		fields.put("许可事项", l.itemName());
		fields.put("许可范围", l.scope());
		l.particulars().forEach(p -> fields.putIfAbsent(p.label(), p.value()));
		fields.put("有效期限", l.validFrom() + " 至 " + (l.validUntil() == null ? "长期" : l.validUntil().toString()));
		fields.put("状态", status.label());
		StringBuilder rows = new StringBuilder();
		fields.forEach((k, v) -> rows.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v))
			.append("</td></tr>"));
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/><title>%s</title>
				<style>
				@page { size: A4; margin: 18mm; }
				body { font-family: 'Noto Sans SC'; color: #222; }
				.frame { border: 3px double #b8860b; padding: 14mm 12mm; height: 226mm; position: relative; }
				h1 { text-align: center; font-size: 28pt; letter-spacing: 6pt; margin: 4mm 0 2mm 0; color: #8b0000; }
				.sub { text-align: center; font-size: 10pt; color: #666; margin-bottom: 10mm; }
				table { width: 100%%; border-collapse: collapse; font-size: 13pt; }
				th { width: 38mm; text-align: left; font-weight: normal; color: #555; padding: 3mm 2mm; vertical-align: top; }
				td { padding: 3mm 2mm; border-bottom: 1px solid #ddd; }
				.authority { position: absolute; right: 10mm; bottom: 40mm; text-align: center; font-size: 13pt; width: 110mm; }
				.seal { position: absolute; right: 24mm; bottom: 26mm; width: 42mm; height: 42mm; }
				.qr { position: absolute; left: 10mm; bottom: 10mm; width: 40mm; height: 40mm; }
				.qrnote { position: absolute; left: 54mm; bottom: 14mm; font-size: 8pt; color: #666; width: 70mm; }
				</style></head><body><div class="frame">
				<h1>%s</h1>
				<div class="sub">电子证照 · 中华人民共和国</div>
				<table>%s</table>
				<div class="authority"><div>发证机关：%s</div><div>发证日期：%s</div></div>
				<img class="seal" src="%s" alt="印章"/>
				<img class="qr" src="%s" alt="核验二维码"/>
				<div class="qrnote">扫描二维码核验证照真伪与状态。本证照附 SM2 数字签名（SM3withSM2）。</div>
				</div></body></html>
				""".formatted(esc(l.name()), esc(l.name()), rows, esc(l.authority()), chineseDate(l.issuedOn()),
				seal(), qr(verifyUrl));
	}

	static String chineseDate(LocalDate d) {
		return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
	}

	static String qr(String url) {
		try {
			Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
			hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
			hints.put(EncodeHintType.MARGIN, 2);
			hints.put(EncodeHintType.CHARACTER_SET, "UTF-8");
			// 4 pixels per module: sharp when scaled to 32 mm, small to embed
			BitMatrix m = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, hints);
			m = scale(m, 4);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			MatrixToImageWriter.writeToStream(m, "PNG", out);
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
		}
		catch (WriterException | IOException e) {
			throw new IllegalStateException("QR code failed", e);
		}
	}

	private static BitMatrix scale(BitMatrix m, int k) {
		BitMatrix out = new BitMatrix(m.getWidth() * k, m.getHeight() * k);
		for (int y = 0; y < m.getHeight(); y++) {
			for (int x = 0; x < m.getWidth(); x++) {
				if (m.get(x, y)) {
					out.setRegion(x * k, y * k, k, k);
				}
			}
		}
		return out;
	}

	/** The round red seal with the authority's name around a star, drawn once with the embedded font. */
	String seal() {
		String s = sealDataUri;
		if (s == null) {
			s = "data:image/png;base64," + Base64.getEncoder().encodeToString(drawSeal(Licences.AUTHORITY));
			sealDataUri = s;
		}
		return s;
	}

	byte[] drawSeal(String text) {
		int size = 240;
		BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = img.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			Color red = new Color(214, 24, 24, 230);
			g.setColor(red);
			g.setStroke(new BasicStroke(8));
			g.drawOval(6, 6, size - 12, size - 12);
			// five-pointed star
			double cx = size / 2.0, cy = size / 2.0, R = 35, r = R * 0.382;
			GeneralPath star = new GeneralPath();
			for (int i = 0; i < 10; i++) {
				double rad = i % 2 == 0 ? R : r;
				double a = -Math.PI / 2 + i * Math.PI / 5;
				double x = cx + rad * Math.cos(a), y = cy + rad * Math.sin(a);
				if (i == 0) {
					star.moveTo(x, y);
				}
				else {
					star.lineTo(x, y);
				}
			}
			star.closePath();
			g.fill(star);
			Font base = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(font));
			Font f = base.deriveFont(Font.PLAIN, 23f);
			g.setFont(f);
			// characters along the upper arc, from about 210° to 330°
			int n = text.length();
			double start = Math.toRadians(-215), end = Math.toRadians(35);
			double radius = size / 2.0 - 33;
			for (int i = 0; i < n; i++) {
				double a = start + (end - start) * (n == 1 ? 0.5 : i / (double) (n - 1));
				AffineTransform saved = g.getTransform();
				g.translate(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
				g.rotate(a + Math.PI / 2);
				String ch = text.substring(i, i + 1);
				int w = g.getFontMetrics().stringWidth(ch);
				g.drawString(ch, -w / 2f, g.getFontMetrics().getAscent() / 2f);
				g.setTransform(saved);
			}
			Font small = base.deriveFont(Font.PLAIN, 17f);
			g.setFont(small);
			String label = "电子证照专用章";
			int w = g.getFontMetrics().stringWidth(label);
			g.drawString(label, (float) (cx - w / 2.0), (float) (cy + 65));
		}
		catch (java.awt.FontFormatException | IOException e) {
			throw new IllegalStateException("Seal font failed", e);
		}
		finally {
			g.dispose();
		}
		try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			ImageIO.write(img, "PNG", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String esc(String s) {
		return org.tongban.shared.Xhtml.text(s);
	}

	private static String sha256(String s) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
