package org.tongban.shared.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed with -9 leaves its embedded PostgreSQL running on the data directory; the next start stops that
 * server first instead of failing to start its own.
 */
class RestartingAfterACrashTests {

	@TempDir
	Path data;

	/** A run of the product, as far as its database goes: starts the embedded server on a directory and waits. */
	public static void main(String[] args) throws Exception {
		EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0])).setCleanDataDirectory(false)
				.setRegisterShutdownHook(false).start();
		System.out.println("ready");
		Thread.currentThread().join(); // until killed
	}

	@Test
	void theServerAKilledRunLeftBehindIsStoppedBeforeStartingAnew() throws Exception {
		Path pgData = data.resolve("postgres");
		Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), RestartingAfterACrashTests.class.getName(), pgData.toString())
				.redirectErrorStream(true).start();
		try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(run.getInputStream()))) {
			String line;
			while ((line = out.readLine()) != null && !line.equals("ready")) {
				// start-up output
			}
			assertThat(line).as("the run started its database").isEqualTo("ready");
			run.destroyForcibly().waitFor(); // kill -9
		}
		ProcessHandle left = EmbeddedPostgresEnvironment.leftOver(pgData).orElseThrow();
		assertThat(left.isAlive()).as("PostgreSQL outlives the killed JVM").isTrue();

		EmbeddedPostgresEnvironment.stopLeftOver(pgData);

		assertThat(left.isAlive()).isFalse();
		assertThat(EmbeddedPostgresEnvironment.leftOver(pgData)).isEmpty();
		try (EmbeddedPostgres again = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(false)
				.setRegisterShutdownHook(false).start(); Connection c = again.getPostgresDatabase().getConnection()) {
			assertThat(c.isValid(5)).isTrue();
		}
	}

	@Test
	void aStalePidFileOfAnotherProcessIsLeftAlone() throws Exception {
		Path pgData = Files.createDirectories(data.resolve("postgres"));
		// a pid file naming a live process that is not this directory's PostgreSQL (the test's own JVM)
		Files.writeString(pgData.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + pgData + "\n");
		assertThat(EmbeddedPostgresEnvironment.leftOver(pgData)).isEmpty();
		EmbeddedPostgresEnvironment.stopLeftOver(pgData);
		assertThat(ProcessHandle.current().isAlive()).isTrue();
	}
}
