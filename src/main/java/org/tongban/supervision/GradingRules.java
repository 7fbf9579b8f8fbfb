package org.tongban.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The grading rules as data ({@code data/supervision/grading-rules.yml}): every rule with its legal basis, so
 * that each grade can say why. Reloadable, so that a rule change is followed by regrading everyone.
 */
@Component
public class GradingRules {

	static final String RESOURCE = "data/supervision/grading-rules.yml";

	/** A credit event's weight. */
	public record CreditRule(String label, int points, String basis) {
	}

	/** A sector's base risk grade. */
	public record SectorRule(char grade, String basis) {
	}

	/** A fact of history that raises the risk grade. */
	public record HistoryRule(String label, int raise, int atLeast, String basis) {
	}

	/**
	 * A recent good fact that lowers the risk grade: an event of its kind within {@code validMonths} lowers it by
	 * {@code lower} (never below A), unless an event of a kind in {@code excludedBy} counts in the window.
	 */
	public record ReliefRule(String label, int lower, int validMonths, List<String> excludedBy, String basis) {
	}

	/** One loaded version of the rules. */
	public record Rules(int start, int windowYears, String creditBasis, int thresholdA, int thresholdB, int thresholdC,
			Map<String, CreditRule> events, String riskBasis, Map<Sector, SectorRule> sectors,
			Map<String, HistoryRule> history, String combinedBasis, Map<String, ReliefRule> relief) {

		/** Rules without relief. */
		public Rules(int start, int windowYears, String creditBasis, int thresholdA, int thresholdB, int thresholdC,
				Map<String, CreditRule> events, String riskBasis, Map<Sector, SectorRule> sectors,
				Map<String, HistoryRule> history, String combinedBasis) {
			this(start, windowYears, creditBasis, thresholdA, thresholdB, thresholdC, events, riskBasis, sectors, history,
					combinedBasis, Map.of());
		}
	}

	private volatile Rules rules;

	GradingRules() {
		this.rules = load(new ClassPathResource(RESOURCE));
	}

	public Rules current() {
		return rules;
	}

	/** Replaces the rules (a rule change); the caller regrades. */
	void use(Rules changed) {
		this.rules = changed;
	}

	@SuppressWarnings("unchecked")
	static Rules load(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			Map<String, Object> root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			Map<String, Object> credit = (Map<String, Object>) root.get("credit");
			Map<String, Object> thresholds = (Map<String, Object>) credit.get("thresholds");
			Map<String, CreditRule> events = new LinkedHashMap<>();
			((Map<String, Map<String, Object>>) credit.get("events")).forEach((kind, e) -> events.put(kind,
					new CreditRule((String) e.get("label"), (Integer) e.get("points"), (String) e.get("basis"))));
			Map<String, Object> risk = (Map<String, Object>) root.get("risk");
			Map<Sector, SectorRule> sectors = new LinkedHashMap<>();
			((Map<String, Map<String, Object>>) risk.get("sectors")).forEach((code, s) -> sectors.put(
					Sector.valueOf(code), new SectorRule(((String) s.get("grade")).charAt(0), (String) s.get("basis"))));
			for (Sector s : Sector.values()) {
				if (!sectors.containsKey(s)) {
					throw new IllegalStateException(RESOURCE + " has no risk rule for sector " + s);
				}
			}
			Map<String, HistoryRule> history = new LinkedHashMap<>();
			((Map<String, Map<String, Object>>) risk.get("history")).forEach((kind, h) -> history.put(kind,
					new HistoryRule((String) h.get("label"), (Integer) h.get("raise"),
							(Integer) h.getOrDefault("atLeast", 1), (String) h.get("basis"))));
			Map<String, ReliefRule> relief = new LinkedHashMap<>();
			((Map<String, Map<String, Object>>) risk.getOrDefault("relief", Map.of())).forEach((kind, r) -> relief.put(kind,
					new ReliefRule((String) r.get("label"), (Integer) r.get("lower"), (Integer) r.get("validMonths"),
							List.copyOf((List<String>) r.getOrDefault("excludedBy", List.of())), (String) r.get("basis"))));
			return new Rules((Integer) credit.get("start"), (Integer) credit.get("windowYears"), (String) credit.get("basis"),
					(Integer) thresholds.get("A"), (Integer) thresholds.get("B"), (Integer) thresholds.get("C"), events,
					(String) risk.get("basis"), sectors, history,
					(String) ((Map<String, Object>) root.get("combined")).get("basis"), relief);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
