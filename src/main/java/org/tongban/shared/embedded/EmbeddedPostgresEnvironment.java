package org.tongban.shared.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no datasource URL is configured, so that a newcomer needs no
 * database server. It runs before the context is built and only publishes the standard
 * {@code spring.datasource.*} properties, so everything else starts exactly as on a real server.
 * One server per JVM: test contexts share it.
 */
class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

	private static final Log log = LogFactory.getLog(EmbeddedPostgresEnvironment.class);

	private static EmbeddedPostgres server;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
			return;
		}
		Path dataDir = Path.of(env.getProperty("tongban.data-dir", "./data")).toAbsolutePath().normalize();
		boolean clean = env.getProperty("tongban.embedded-postgres.clean", Boolean.class, false);
		int port = start(dataDir.resolve("postgres"), clean, env.getProperty("tongban.embedded-postgres.port", Integer.class, 0));
		env.getPropertySources().addLast(new MapPropertySource("embeddedPostgres", Map.of(
				"spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
				"spring.datasource.username", "postgres",
				"spring.datasource.password", "",
				"tongban.embedded-postgres.active", "true")));
	}

	private static synchronized int start(Path pgData, boolean clean, int port) {
		if (server == null) {
			try {
				stopLeftOver(pgData);
				if (clean) {
					deleteRecursively(pgData);
				}
				Files.createDirectories(pgData.getParent());
				long t0 = System.nanoTime();
				EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
						.setDataDirectory(pgData)
						.setCleanDataDirectory(false)
						// our own shutdown handler stops it, after the contexts have closed
						.setRegisterShutdownHook(false)
						.setServerConfig("timezone", "Asia/Shanghai");
				if (port > 0) {
					builder.setPort(port);
				}
				server = builder.start();
				log.info("Embedded PostgreSQL started on port " + server.getPort() + " with data in " + pgData
						+ " (" + (System.nanoTime() - t0) / 1_000_000 + " ms)");
				// stop the server only after every application context has closed: beans still talk to the
				// database while they shut down (the event registry checks its incomplete publications)
				EmbeddedPostgres started = server;
				SpringApplication.getShutdownHandlers().add(() -> {
					try {
						started.close();
					}
					catch (IOException ex) {
						log.warn("Embedded PostgreSQL did not stop cleanly", ex);
					}
				});
			}
			catch (IOException ex) {
				throw new UncheckedIOException("无法启动内置 PostgreSQL 数据库（数据目录 " + pgData + "）", ex);
			}
		}
		return server.getPort();
	}

	/**
	 * The server a previous run left behind on this data directory: the JVM was killed (kill -9, a crash) and its
	 * PostgreSQL, a separate process, outlived it still holding the directory, so a new server could not start.
	 * It is stopped (SIGTERM, PostgreSQL's smart shutdown: its clients died with the JVM) before starting anew.
	 * Only a live process whose command line names this data directory is touched.
	 */
	static void stopLeftOver(Path pgData) throws IOException {
		Optional<ProcessHandle> left = leftOver(pgData);
		if (left.isEmpty()) {
			return;
		}
		log.warn("An embedded PostgreSQL (pid " + left.get().pid() + ") from a run that did not stop cleanly still holds "
				+ pgData + ": stopping it before starting anew");
		left.get().destroy();
		try {
			left.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while waiting for the left-over PostgreSQL to stop", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("上次运行遗留的内置 PostgreSQL 进程（pid " + left.get().pid() + "）60 秒内未能停止，请手动停止后重试", ex);
		}
	}

	static Optional<ProcessHandle> leftOver(Path pgData) throws IOException {
		Path pidFile = pgData.resolve("postmaster.pid");
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
			return Optional.empty();
		}
		String dir = pgData.toAbsolutePath().normalize().toString();
		return ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive)
				.filter(p -> p.info().commandLine().map(cmd -> cmd.contains("postgres") && cmd.contains(dir)).orElse(false));
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(p);
			}
		}
	}
}
