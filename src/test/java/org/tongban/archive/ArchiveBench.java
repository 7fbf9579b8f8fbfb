package org.tongban.archive;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.Tongban;
import org.tongban.cases.Case;
import org.tongban.cases.CaseCompleted;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.NewCase;
import org.tongban.identity.SignedInUser;

/**
 * Archive benchmark (run through bench/archive.sh, never by the unit tests). Starts the application on a
 * fresh embedded PostgreSQL in a temporary data directory, makes N real cases of PD-WJW-XK-008 through the
 * cases module (each with a unique 50–200 KB scanned-PDF material, submitted and withdrawn with a reason),
 * completes them, then times the archive builder (the single-threaded scheduled job) and a full fixity check.
 */
public class ArchiveBench {

	public static void main(String[] args) throws Exception {
		int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
		Path data = Files.createTempDirectory("tongban-archive-bench");
		ConfigurableApplicationContext ctx = SpringApplication.run(Tongban.class, "--tongban.data-dir=" + data,
				"--tongban.embedded-postgres.clean=true", "--tongban.demo.enabled=true",
				"--tongban.scheduling.enabled=false", "--server.port=0", "--logging.level.root=WARN",
				"--logging.level.org.tongban=WARN");
		try {
			run(ctx, n, data);
		}
		finally {
			ctx.close();
			try (Stream<Path> files = Files.walk(data)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	static void run(ConfigurableApplicationContext ctx, int n, Path data) throws Exception {
		CaseApplications applications = ctx.getBean(CaseApplications.class);
		SignedInUser citizen = (SignedInUser) ctx.getBean(UserDetailsService.class).loadUserByUsername("citizen");
		ApplicationEventPublisher events = ctx;
		TransactionTemplate tx = new TransactionTemplate(ctx.getBean(PlatformTransactionManager.class));
		JdbcClient jdbc = ctx.getBean(JdbcClient.class);
		Archiving archiving = ctx.getBean(Archiving.class);
		FixityCheck fixity = ctx.getBean(FixityCheck.class);

		long t0 = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<Long>> made = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int seq = i;
			made.add(pool.submit(() -> {
				byte[] pdf = scan(new Random(seq), 50_000 + new Random(seq * 31L).nextInt(150_000));
				Case draft = applications.startDraft(citizen, new NewCase("PD-WJW-XK-008", "NEW",
						new NewCase.ApplicantInput("PERSON", "310115198503151230", null, "张三", null),
						Map.of("phone", "13800000000", "note", "基准测试第 " + seq + " 件")));
				applications.addMaterial(citizen, draft.id(), "放射工作人员证申请表（单位盖章）", "申请表-" + seq + ".pdf",
						pdf.length, new ByteArrayResource(pdf));
				applications.submitDraft(citizen, draft.id(), UUID.randomUUID().toString());
				applications.withdraw(citizen, draft.id(), "单位调整人员安排，暂不申领");
				tx.executeWithoutResult(s -> events.publishEvent(
						new CaseCompleted(draft.id(), "PD-WJW-XK-008", CaseStatus.WITHDRAWN, Instant.now())));
				return (long) pdf.length;
			}));
		}
		long materialBytes = 0;
		for (Future<Long> f : made) {
			materialBytes += f.get();
		}
		pool.shutdown();
		while (jdbc.sql("SELECT count(*) FROM archive_package").query(Long.class).single() < n) {
			Thread.sleep(200);
		}
		double setup = (System.nanoTime() - t0) / 1e9;
		System.out.printf("setup: %d real cases with materials made and completed in %.1f s (not part of the figures)%n", n,
				setup);

		var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
		System.out.printf("load average before the build: %.1f on %d cores (other processes share the machine)%n",
				os.getSystemLoadAverage(), os.getAvailableProcessors());
		long b0 = System.nanoTime();
		long c0 = os.getProcessCpuTime();
		Archiving.Run run = archiving.buildPending();
		double build = (System.nanoTime() - b0) / 1e9;
		double buildCpu = (os.getProcessCpuTime() - c0) / 1e9;
		long packageBytes = jdbc.sql("SELECT coalesce(sum(size_bytes), 0) FROM archive_package").query(Long.class).single();
		long onDisk;
		try (Stream<Path> files = Files.walk(data.resolve("archive"))) {
			onDisk = files.filter(Files::isRegularFile).mapToLong(p -> {
				try {
					return Files.size(p);
				}
				catch (IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			}).sum();
		}
		System.out.printf("archive: %d packages built (%d failed) in %.1f s = %.1f cases/s, single job thread%n",
				run.archived(), run.failed(), build, run.archived() / build);
		System.out.printf("archive CPU: %.1f ms of JVM CPU per case (%.1f cases per CPU-second; PostgreSQL not included)%n",
				buildCpu * 1000 / run.archived(), run.archived() / buildCpu);
		System.out.printf("disk: %.1f KB per case (package; material %.1f KB, so %.1f KB of PDFs, metadata, manifest)%n",
				onDisk / 1024.0 / n, materialBytes / 1024.0 / n, (packageBytes - materialBytes) / 1024.0 / n);

		long f0 = System.nanoTime();
		long fc0 = os.getProcessCpuTime();
		FixityCheck.Report report = fixity.run("bench");
		double check = (System.nanoTime() - f0) / 1e9;
		double checkCpu = (os.getProcessCpuTime() - fc0) / 1e9;
		System.out.printf("fixity: %d packages (%.1f MB) and %d chain entries checked in %.1f s = %.1f s per 10,000 packages; %d problems%n",
				report.checked(), onDisk / 1024.0 / 1024.0, report.chainLength(), check, check * 10_000 / report.checked(),
				report.problems().size());
		System.out.printf("fixity CPU: %.1f s of JVM CPU = %.1f CPU-s per 10,000 packages; load average after: %.1f%n",
				checkCpu, checkCpu * 10_000 / report.checked(), os.getSystemLoadAverage());
	}

	/** A one-page PDF holding a noisy "scan" of about {@code bytes} bytes (noise does not compress). */
	static byte[] scan(Random random, int bytes) throws IOException {
		int side = (int) Math.sqrt(bytes / 3.0);
		BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < side; y++) {
			for (int x = 0; x < side; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			PDPage page = new PDPage();
			doc.addPage(page);
			PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
			try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
				s.drawImage(xo, 50, 150, 500, 500);
			}
			doc.save(out);
			return out.toByteArray();
		}
	}
}
