package org.tongban.support;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page open in Chromium and fails the test with every violation:
 * rule, impact, the elements' selectors and what to do. axe-core is fetched at build time into target/axe by
 * scripts/axe-core.sh; without it the check is skipped (the rest of the test still runs), except on CI (TONGBAN_REQUIRE_BROWSER=true) where that fails.
 */
public final class Accessibility {

	private static final Path AXE = Path.of("target", "axe", "axe.min.js");

	private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static String source;

	private static boolean warned;

	private Accessibility() {
	}

	/** Checks the page as it is now; {@code name} says which page in the failure message. */
	public static void check(ChromeDriver browser, String name) {
		String report = violations(browser, name);
		if (!report.isEmpty()) {
			fail(report);
		}
	}

	/** The violations on the page as it is now, one rule a line with its elements below; empty if none. */
	public static String violations(ChromeDriver browser, String name) {
		String axe = axe();
		if (axe == null) {
			return "";
		}
		if (!Boolean.TRUE.equals(browser.executeScript("return typeof window.axe === 'object';"))) {
			browser.executeScript(axe);
		}
		browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		Object result = browser.executeAsyncScript("""
				var done = arguments[arguments.length - 1];
				axe.run(document, { runOnly: { type: 'tag', values: arguments[0] }, resultTypes: ['violations'] })
				  .then(function (r) {
				    done(r.violations.map(function (v) {
				      return { id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
				        nodes: v.nodes.map(function (n) {
				          return { target: n.target.join(' '), summary: n.failureSummary || '' };
				        }) };
				    }));
				  })
				  .catch(function (e) { done('axe failed: ' + e); });
				""", TAGS);
		if (result instanceof String error) {
			return name + ": " + error;
		}
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
		if (violations.isEmpty()) {
			return "";
		}
		StringBuilder report = new StringBuilder("Accessibility violations on ").append(name).append(" (")
			.append(browser.getCurrentUrl()).append("):\n");
		for (Map<String, Object> v : violations) {
			report.append("- ").append(v.get("id")).append(" [").append(v.get("impact")).append("] ")
				.append(v.get("help")).append(" (").append(v.get("helpUrl")).append(")\n");
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> nodes = (List<Map<String, Object>>) v.get("nodes");
			for (Map<String, Object> n : nodes.subList(0, Math.min(nodes.size(), 5))) {
				report.append("    ").append(n.get("target")).append(": ")
					.append(String.valueOf(n.get("summary")).replace("\n", " ")).append('\n');
			}
			if (nodes.size() > 5) {
				report.append("    … and ").append(nodes.size() - 5).append(" more elements\n");
			}
		}
		return report.toString();
	}

	private static synchronized String axe() {
		if (source == null) {
			if (!Files.isReadable(AXE)) {
				if ("true".equals(System.getenv("TONGBAN_REQUIRE_BROWSER"))) {
					throw new IllegalStateException("axe-core 未下载：运行 scripts/axe-core.sh（需要 npm）");
				}
				if (!warned) {
					warned = true;
					System.err.println("axe-core is not in target/axe (scripts/axe-core.sh needs npm): pages are not checked");
				}
				return null;
			}
			try {
				source = Files.readString(AXE, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return source;
	}
}
