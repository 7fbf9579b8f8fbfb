package org.tongban.integrated;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Reads the package files (data/integrated/packages/*.yml); a malformed file fails with its name. */
final class PackageFiles {

	static final String LOCATION = "classpath:data/integrated/packages/";

	record PackageFile(String file, IndustryPackage content) {
	}

	private PackageFiles() {
	}

	static List<PackageFile> read(String location, JsonMapper json) {
		Resource[] resources;
		try {
			resources = new PathMatchingResourcePatternResolver().getResources(location + "*.yml");
		}
		catch (IOException ex) {
			throw new IllegalStateException("无法读取一业一证行业文件：" + location, ex);
		}
		List<PackageFile> files = new ArrayList<>();
		for (Resource r : Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
			files.add(new PackageFile(r.getFilename(), parse(r.getFilename(), r, json)));
		}
		return files;
	}

	static IndustryPackage parse(String name, Resource resource, JsonMapper json) {
		try (InputStream in = resource.getInputStream()) {
			Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!(root instanceof Map<?, ?> map)) {
				throw new IllegalStateException("一业一证行业文件 " + name + " 有误：不是一个映射");
			}
			return PackageStore.withVersion(PackageStore.lenient(json).convertValue(map, IndustryPackage.class), 1);
		}
		catch (IOException | JacksonException | org.yaml.snakeyaml.error.YAMLException ex) {
			throw new IllegalStateException("一业一证行业文件 " + name + " 有误：" + ex.getMessage(), ex);
		}
	}
}
