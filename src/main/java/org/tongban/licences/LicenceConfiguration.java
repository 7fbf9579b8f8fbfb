package org.tongban.licences;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The signing keys: loaded (or, with demo data, created) on a thread of their own while the rest of the
 * application starts (reading a PKCS12 keystore takes seconds on a cold JVM), and waited for before the
 * application is ready, so a missing keystore or a wrong password still stops the start.
 */
@Configuration(proxyBeanMethods = false)
class LicenceConfiguration {

	@Bean
	SigningKeys licenceKeys(@Value("${tongban.data-dir:./data}") String dataDir,
			@Value("${tongban.licences.keystore.path:}") String path,
			@Value("${tongban.licences.keystore.password:}") String password,
			@Value("${tongban.licences.keystore.alias:licence-signing}") String alias,
			@Value("${tongban.demo.enabled:false}") boolean demo) {
		Path p = path.isBlank() ? Path.of(dataDir, "licences", "licence-signing.p12") : Path.of(path);
		// demo only: a known password for the generated demo keystore, like the demo accounts' password
		String pw = password.isEmpty() && demo ? "tongban-demo" : password;
		return new SigningKeys(CompletableFuture.supplyAsync(() -> LicenceKeys.load(p, pw, alias, demo)));
	}

	/** The keys once loaded; the start-up fails here, before readiness, when they cannot be. */
	@Order(-100)
	static final class SigningKeys implements ApplicationRunner {

		private final CompletableFuture<LicenceKeys> loading;

		SigningKeys(CompletableFuture<LicenceKeys> loading) {
			this.loading = loading;
		}

		LicenceKeys get() {
			try {
				return loading.join();
			}
			catch (CompletionException ex) {
				throw ex.getCause() instanceof RuntimeException r ? r : ex;
			}
		}

		@Override
		public void run(ApplicationArguments args) {
			get();
		}
	}
}
