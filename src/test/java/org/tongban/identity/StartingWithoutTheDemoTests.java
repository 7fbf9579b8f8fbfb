package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.tongban.Tongban;

/**
 * Demo mode is asked for, never on by itself: the embedded database no longer turns it on, so a packaged jar starts
 * without demo data and, with no administrator yet, only with TONGBAN_ADMIN_PASSWORD; that initial administrator
 * must change the password before anything else, and accounts created as demo accounts cannot sign in.
 * Starts the application itself, on its own database in the embedded PostgreSQL server.
 */
class StartingWithoutTheDemoTests {

	@TempDir
	Path data;

	private final HttpClient http = HttpClient.newHttpClient();

	/** What EmbeddedPostgresEnvironment publishes when no datasource is configured (it also starts the server). */
	private static StandardEnvironment embeddedEnvironment() throws Exception {
		Class<?> type = Class.forName("org.tongban.shared.embedded.EmbeddedPostgresEnvironment");
		Constructor<?> constructor = type.getDeclaredConstructor();
		constructor.setAccessible(true);
		StandardEnvironment env = new StandardEnvironment();
		env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("tongban.data-dir", "target/test-data")));
		((EnvironmentPostProcessor) constructor.newInstance()).postProcessEnvironment(env, new SpringApplication());
		return env;
	}

	@Test
	void theEmbeddedDatabaseNoLongerTurnsDemoModeOn() throws Exception {
		StandardEnvironment env = embeddedEnvironment();
		assertThat(env.getProperty("spring.datasource.url")).startsWith("jdbc:postgresql://");
		assertThat(env.getProperty("tongban.demo.enabled")).isNull();
	}

	@Test
	void withoutDemoAStartNeedsTheAdminPasswordWhoseAdministratorMustChangeItAndDemoAccountsCannotSignIn()
			throws Exception {
		StandardEnvironment server = embeddedEnvironment();
		String user = server.getProperty("spring.datasource.username", "postgres");
		String password = server.getProperty("spring.datasource.password", "");
		String url = freshDatabase(server.getProperty("spring.datasource.url"), user, password);
		Path keystore = data.resolve("licence-signing.p12");
		Method createKeystore = Class.forName("org.tongban.licences.LicenceKeys")
				.getDeclaredMethod("createDemo", Path.class, String.class, String.class);
		createKeystore.setAccessible(true);
		createKeystore.invoke(null, keystore, "Keystore-pass-1", "licence-signing");
		String[] args = {"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--tongban.demo.enabled=false", "--server.port=0",
				"--tongban.data-dir=" + data, "--tongban.licences.keystore.path=" + keystore,
				"--tongban.licences.keystore.password=Keystore-pass-1", "--tongban.scheduling.enabled=false"};

		assertThatThrownBy(() -> SpringApplication.run(Tongban.class, args).close())
				.rootCause().hasMessageContaining("TONGBAN_ADMIN_PASSWORD");
		assertThatThrownBy(() -> SpringApplication.run(Tongban.class, with(args, "--tongban.admin.password=Admin-2026")).close())
				.rootCause().hasMessageContaining("密码须为 12–128 位");

		try (ConfigurableApplicationContext app = SpringApplication.run(Tongban.class,
				with(args, "--tongban.admin.password=Initial-Chief-2026"))) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
			// no demo data, no demo banner
			assertThat(app.getBean(Accounts.class).exists("leader")).isFalse();
			assertThat(send(base, "GET", "/", null, null).body()).doesNotContain("演示环境");

			// the initial administrator changes the password before anything else
			HttpResponse<String> blocked = send(base, "GET", "/api/accounts", "admin:Initial-Chief-2026", null);
			assertThat(blocked.statusCode()).isEqualTo(403);
			assertThat(blocked.body()).contains("须先修改密码");
			assertThat(send(base, "POST", "/api/me/password", "admin:Initial-Chief-2026",
					"{\"currentPassword\":\"Initial-Chief-2026\",\"newPassword\":\"Initial-Chief-2026\"}").statusCode())
					.isEqualTo(400);
			assertThat(send(base, "POST", "/api/me/password", "admin:Initial-Chief-2026",
					"{\"currentPassword\":\"Initial-Chief-2026\",\"newPassword\":\"Chosen-Chief-2027\"}").statusCode())
					.isEqualTo(204);
			assertThat(send(base, "GET", "/api/accounts", "admin:Chosen-Chief-2027", null).statusCode()).isEqualTo(200);

			// an account created as a demo account (published password) cannot sign in with demo mode off
			String demo = "d" + UUID.randomUUID().toString().substring(0, 8);
			app.getBean(AccountManagement.class).create(new AccountManagement.NewAccount(demo, "演示账户",
					AccountBootstrap.DEMO_PASSWORD, EnumSet.of(Role.CLERK), "APPROVAL_CENTRE", null, null, null), true);
			assertThat(send(base, "GET", "/api/me", demo + ":" + AccountBootstrap.DEMO_PASSWORD, null).statusCode())
					.isEqualTo(401);
		}
		try (Connection c = DriverManager.getConnection(server.getProperty("spring.datasource.url"), user, password)) {
			c.createStatement().execute("DROP DATABASE " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
		}
	}

	private static String[] with(String[] args, String extra) {
		String[] all = java.util.Arrays.copyOf(args, args.length + 1);
		all[args.length] = extra;
		return all;
	}

	private HttpResponse<String> send(String base, String method, String path, String basic, String json)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		if (basic != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * A database of its own on the test server (the embedded one, or SPRING_DATASOURCE_URL's), so that no other
	 * test's accounts are there.
	 */
	private static String freshDatabase(String server, String user, String password) throws Exception {
		String name = "nodemo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection c = DriverManager.getConnection(server, user, password)) {
			c.createStatement().execute("CREATE DATABASE " + name);
		}
		String path = server.contains("?") ? server.substring(0, server.indexOf('?')) : server;
		return path.substring(0, path.lastIndexOf('/') + 1) + name;
	}
}
