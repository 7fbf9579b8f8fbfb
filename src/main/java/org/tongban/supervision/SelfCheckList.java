package org.tongban.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The 合规体检 lists per sector as data ({@code data/supervision/self-check.yml}): each question with the legal
 * risk of answering "no", its basis and how to fix it.
 */
@Component
public class SelfCheckList {

	static final String RESOURCE = "data/supervision/self-check.yml";

	/** One question of a sector's list. */
	public record Question(String code, String question, String risk, String basis, String fix) {
	}

	private final Map<Sector, List<Question>> lists;

	public SelfCheckList() {
		this.lists = load(new ClassPathResource(RESOURCE));
	}

	/** The sector's list, in order; empty when none is published for it. */
	public List<Question> of(Sector sector) {
		return lists.getOrDefault(sector, List.of());
	}

	@SuppressWarnings("unchecked")
	static Map<Sector, List<Question>> load(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			Map<String, Object> root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			Map<Sector, List<Question>> out = new EnumMap<>(Sector.class);
			Set<String> codes = new HashSet<>();
			((Map<String, List<Map<String, Object>>>) root.get("sectors")).forEach((sector, questions) -> {
				List<Question> list = new ArrayList<>();
				for (Map<String, Object> q : questions) {
					Question question = new Question((String) q.get("code"), (String) q.get("question"), (String) q.get("risk"),
							(String) q.get("basis"), (String) q.get("fix"));
					if (question.code() == null || !codes.add(question.code()) || question.question() == null
							|| question.risk() == null || question.basis() == null || !question.basis().contains("《")
							|| question.fix() == null) {
						throw new IllegalStateException(RESOURCE + ": question " + question.code()
								+ " needs a unique code, the question, the risk, a basis naming a law and the fix");
					}
					list.add(question);
				}
				out.put(Sector.valueOf(sector), List.copyOf(list));
			});
			return out;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
