package org.tongban;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The modules depend on each other only through their published APIs and events. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Tongban.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	/**
	 * Writes the diagrams under {@code target/}; the copies in {@code docs/modules} change only on purpose:
	 * {@code mvn test -Dtest=ModularityTests -Dtongban.module-docs=docs/modules}.
	 */
	@Test
	void writesModuleDiagrams() {
		String folder = System.getProperty("tongban.module-docs", "target/module-docs");
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder))
				.writeModulesAsPlantUml()
				.writeIndividualModulesAsPlantUml()
				.writeModuleCanvases();
	}
}
