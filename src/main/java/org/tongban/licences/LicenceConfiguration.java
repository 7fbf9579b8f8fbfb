package org.tongban.licences;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signing keys: loaded (or, with demo data, created) at start-up so a bad keystore stops the start. */
@Configuration(proxyBeanMethods = false)
class LicenceConfiguration {

	@Bean
	LicenceKeys licenceKeys(@Value("${tongban.data-dir:./data}") String dataDir,
			@Value("${tongban.licences.keystore.path:}") String path,
			@Value("${tongban.licences.keystore.password:}") String password,
			@Value("${tongban.licences.keystore.alias:licence-signing}") String alias,
			@Value("${tongban.demo.enabled:false}") boolean demo) {
		Path p = path.isBlank() ? Path.of(dataDir, "licences", "licence-signing.p12") : Path.of(path);
		// demo only: a known password for the generated demo keystore, like the demo accounts' password
		String pw = password.isEmpty() && demo ? "tongban-demo" : password;
		return LicenceKeys.load(p, pw, alias, demo);
	}
}
