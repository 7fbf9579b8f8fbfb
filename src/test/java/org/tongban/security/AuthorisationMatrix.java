package org.tongban.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The authorisation matrix as the README writes it, between {@code <!-- authz-matrix -->} and
 * {@code <!-- /authz-matrix -->}: one row per request ({@code `METHOD /path?query`}, optionally followed by
 * {@code (multipart)}), one column per kind of caller, each cell the answer the caller must get.
 */
record AuthorisationMatrix(List<String> callers, List<Row> rows) {

	static final Path README = Path.of("README.md");

	private static final Pattern REQUEST = Pattern.compile("`(GET|POST|PUT|DELETE|PATCH) ([^` ]+)`( \\(multipart\\))?");

	/** One request and the answer each caller must get (in the order of {@link #callers}). */
	record Row(String method, String path, boolean multipart, List<String> expected) {

		/** The path without its query, each {@code {fixture}} turned into {@code {}}: comparable with a mapping. */
		String shape() {
			return method + " " + AuthorisationMatrix.shape(path.split("\\?", 2)[0]);
		}

		String key() {
			return method + " " + path + (multipart ? " (multipart)" : "");
		}
	}

	static String shape(String pattern) {
		return pattern.replaceAll("\\{[^}]*}", "{}");
	}

	static AuthorisationMatrix fromReadme() throws IOException {
		String text = Files.readString(README, StandardCharsets.UTF_8);
		int start = text.indexOf("<!-- authz-matrix -->");
		int end = text.indexOf("<!-- /authz-matrix -->");
		if (start < 0 || end < start) {
			throw new IllegalStateException("README.md has no <!-- authz-matrix --> section");
		}
		List<String> callers = null;
		List<Row> rows = new ArrayList<>();
		for (String line : text.substring(start, end).lines().toList()) {
			if (!line.startsWith("|")) {
				continue;
			}
			List<String> cells = Arrays.stream(line.substring(1, line.lastIndexOf('|')).split("\\|"))
					.map(String::strip).toList();
			if (callers == null) {
				callers = cells.subList(1, cells.size());
				continue;
			}
			if (cells.get(0).startsWith("---")) {
				continue;
			}
			Matcher m = REQUEST.matcher(cells.get(0));
			if (!m.matches()) {
				throw new IllegalStateException("matrix row not understood: " + line);
			}
			List<String> expected = cells.subList(1, cells.size());
			if (expected.size() != callers.size()) {
				throw new IllegalStateException("matrix row has " + expected.size() + " cells for " + callers.size()
						+ " callers: " + line);
			}
			rows.add(new Row(m.group(1), m.group(2), m.group(3) != null, expected));
		}
		if (callers == null || rows.isEmpty()) {
			throw new IllegalStateException("README.md's authorisation matrix is empty");
		}
		return new AuthorisationMatrix(callers, rows);
	}
}
