package org.tongban.guidance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The maintained list of what people say → what the catalogue says ({@code data/guidance/synonyms.txt}).
 * Matched as substrings of the raw question, because Chinese has no spaces and the segmenter splits
 * colloquial words unpredictably (健康证 → 健康 / 证); the official wording is appended to the query.
 */
final class Synonyms {

	record Rule(String said, List<String> meant) {
	}

	private final List<Rule> rules;

	Synonyms(List<Rule> rules) {
		// longest first, so 口腔诊所 wins over 诊所 when both are listed
		this.rules = rules.stream().sorted((a, b) -> b.said().length() - a.said().length()).toList();
	}

	static Synonyms load(InputStream in) {
		List<Rule> rules = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = r.readLine()) != null) {
				int hash = line.indexOf('#');
				String l = (hash >= 0 ? line.substring(0, hash) : line).strip();
				int arrow = l.indexOf("=>");
				if (arrow <= 0) {
					continue;
				}
				List<String> meant = new ArrayList<>();
				for (String m : l.substring(arrow + 2).split("[,，]")) {
					if (!m.isBlank()) {
						meant.add(m.strip());
					}
				}
				for (String said : l.substring(0, arrow).split("[,，]")) {
					if (!said.isBlank() && !meant.isEmpty()) {
						rules.add(new Rule(said.strip(), List.copyOf(meant)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Synonyms(rules);
	}

	/** The catalogue's words for the colloquial phrases found in the question, without repeats. */
	List<String> expansions(String question) {
		Set<String> out = new LinkedHashSet<>();
		for (Rule rule : rules) {
			if (question.contains(rule.said())) {
				out.addAll(rule.meant());
			}
		}
		return List.copyOf(out);
	}

	/** The rules, longest phrase first. */
	List<Rule> rules() {
		return rules;
	}

	int size() {
		return rules.size();
	}
}
