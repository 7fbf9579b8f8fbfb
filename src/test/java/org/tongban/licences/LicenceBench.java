package org.tongban.licences;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

/**
 * Benchmark (bench/licences.sh): warm PDF generation per licence (no cache: every licence differs) and
 * SM2 sign + verify per licence over the canonical form. Writes one sample PDF to target/ for a look.
 */
public final class LicenceBench {

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
		Path dir = Files.createTempDirectory("licence-bench");
		LicenceKeys.createDemo(dir.resolve("k.p12"), "bench", "bench");
		LicenceKeys keys = LicenceKeys.load(dir.resolve("k.p12"), "bench", "bench", false);
		long t0 = System.nanoTime();
		LicencePdf pdf = new LicencePdf();
		pdf.seal();
		System.out.printf("start: font loaded and seal drawn in %.0f ms%n", (System.nanoTime() - t0) / 1e6);

		// warm up
		for (int i = 0; i < 30; i++) {
			render(pdf, licence(i));
		}
		double[] pdfMs = new double[n];
		long bytes = 0;
		for (int i = 0; i < n; i++) {
			Licence l = licence(1000 + i);
			long s = System.nanoTime();
			byte[] out = render(pdf, l);
			pdfMs[i] = (System.nanoTime() - s) / 1e6;
			bytes += out.length;
			if (i == 0) {
				Files.createDirectories(Path.of("target"));
				Files.write(Path.of("target/licence-sample.pdf"), out);
			}
		}
		report("PDF generation (warm, uncached)", pdfMs);
		System.out.printf("  average PDF size %.0f KB%n", bytes / (double) n / 1024);

		for (int i = 0; i < 200; i++) {
			String c = CanonicalForm.of(licence(i));
			LicenceSignatures.verify(keys.publicKey(), c.getBytes(StandardCharsets.UTF_8),
					LicenceSignatures.sign(keys.privateKey(), c));
		}
		int m = Math.max(n, 1000);
		double[] signMs = new double[m];
		double[] verifyMs = new double[m];
		for (int i = 0; i < m; i++) {
			String c = CanonicalForm.of(licence(5000 + i));
			long s = System.nanoTime();
			String sig = LicenceSignatures.sign(keys.privateKey(), c);
			long v = System.nanoTime();
			boolean ok = LicenceSignatures.verify(keys.publicKey(), c.getBytes(StandardCharsets.UTF_8), sig);
			long e = System.nanoTime();
			if (!ok) {
				throw new IllegalStateException("verification failed");
			}
			signMs[i] = (v - s) / 1e6;
			verifyMs[i] = (e - v) / 1e6;
		}
		report("SM2 sign (SM3withSM2)", signMs);
		report("SM2 verify", verifyMs);
		System.out.println("  sample written to target/licence-sample.pdf");
	}

	private static byte[] render(LicencePdf pdf, Licence l) {
		return pdf.renderUncached(pdf.html(l, LicenceStatus.VALID,
				"http://localhost:8080/verify/" + l.number() + "?c=" + l.checkCode()));
	}

	static Licence licence(int i) {
		LocalDate from = LocalDate.of(2026, 1, 1).plusDays(i % 300);
		return new Licence("沪浦卫公字（2026）第" + String.format("%05d", i) + "号", "公共场所卫生许可证", "PD-WJW-XK-005",
				"公共场所卫生许可", Licence.HolderKind.ENTERPRISE, "上海浦东示例酒店管理有限公司第" + i + "分店", "USCC",
				"91310115MA1K3Y4N2N", "enterprise", "住宿业（宾馆）；游泳场所", from, from.plusYears(4).minusDays(1),
				Licences.AUTHORITY, from, UUID.randomUUID(), LicenceStatus.VALID, Licences.newCheckCode(), null, null,
				null);
	}

	private static void report(String what, double[] ms) {
		double[] s = ms.clone();
		Arrays.sort(s);
		System.out.printf("%s: n=%d  mean %.2f ms  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", what, s.length,
				Arrays.stream(s).average().orElse(0), s[s.length / 2], s[(int) (s.length * 0.95)],
				s[Math.min(s.length - 1, (int) (s.length * 0.99))]);
	}
}
