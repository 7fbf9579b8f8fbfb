package org.tongban.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The discretion baseline (行政裁量权基准) as data ({@code data/supervision/discretion-baseline.yml}): for each
 * violation of the health-supervision laws, the article violated, the penalty article, what the law allows at most,
 * and per circumstance the measures and fine range the institute has bound itself to. A proposal beyond the law is
 * unlawful and refused; beyond the baseline but within the law it needs a written reason and legal review.
 */
@Component
public class DiscretionBaseline {

	static final String RESOURCE = "data/supervision/discretion-baseline.yml";

	/** A measure a penalty decision can impose (《行政处罚法》第九条). */
	public enum Measure {
		WARNING("警告"), FINE("罚款"), CONFISCATION("没收违法所得、没收非法财物"), SUSPENSION("责令停产停业、暂停执业活动"),
		REVOCATION("吊销许可证件");

		private final String label;

		Measure(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** How grave the violation was. */
	public enum Circumstance {
		MINOR("轻微"), GENERAL("一般"), SERIOUS("较重"), SEVERE("严重");

		private final String label;

		Circumstance(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** The allowed range for one circumstance; {@code fineMin}/{@code fineMax} are null when no fine is allowed. */
	public record Range(Circumstance circumstance, String when, Set<Measure> measures, Long fineMin, Long fineMax) {
	}

	/**
	 * One violation with its articles, what the law allows and the baseline per circumstance; {@code note} says what
	 * legal staff should look at in particular (null when nothing).
	 */
	public record Violation(String code, Sector sector, String name, String violated, String penaltyBasis, long lawMaxFine,
			Set<Measure> lawMeasures, Map<Circumstance, Range> ranges, String note) {
	}

	/** The loaded baseline: whether legal staff have checked it, and the violations. */
	public record Baseline(boolean reviewed, String reviewedBy, String basis, Map<String, Violation> violations) {
	}

	/**
	 * How a proposal stands: {@code unlawful} lists what the law does not allow at all (refused); {@code departures}
	 * lists how it leaves the baseline (allowed with a reason and legal review).
	 */
	public record Assessment(List<String> unlawful, List<String> departures) {

		public boolean withinBaseline() {
			return unlawful.isEmpty() && departures.isEmpty();
		}
	}

	private final Baseline baseline;

	public DiscretionBaseline() {
		this.baseline = load(new ClassPathResource(RESOURCE));
	}

	public Baseline current() {
		return baseline;
	}

	public Optional<Violation> violation(String code) {
		return Optional.ofNullable(code).map(baseline.violations()::get);
	}

	/** Checks measures and fine (yuan; null when none) against the law and the baseline for the circumstance. */
	public Assessment assess(Violation v, Circumstance c, Set<Measure> measures, Long fine) {
		List<String> unlawful = new ArrayList<>();
		List<String> departures = new ArrayList<>();
		for (Measure m : measures) {
			if (!v.lawMeasures().contains(m)) {
				unlawful.add("处罚依据（" + v.penaltyBasis() + "）不设“" + m.label() + "”");
			}
		}
		if (fine != null && fine > v.lawMaxFine()) {
			unlawful.add("罚款 " + fine + " 元超过法定上限 " + v.lawMaxFine() + " 元（" + v.penaltyBasis() + "）");
		}
		if (!unlawful.isEmpty()) {
			return new Assessment(unlawful, departures);
		}
		Range r = v.ranges().get(c);
		for (Measure m : measures) {
			if (!r.measures().contains(m)) {
				departures.add("“" + c.label() + "”情形的基准不含“" + m.label() + "”");
			}
		}
		if (fine != null && r.fineMin() != null && (fine < r.fineMin() || fine > r.fineMax())) {
			departures.add("罚款 " + fine + " 元不在“" + c.label() + "”情形的基准幅度 " + r.fineMin() + "–" + r.fineMax()
					+ " 元内");
		}
		if (r.fineMin() != null && r.fineMin() > 0 && fine == null) {
			departures.add("“" + c.label() + "”情形的基准须并处罚款 " + r.fineMin() + "–" + r.fineMax() + " 元");
		}
		return new Assessment(unlawful, departures);
	}

	@SuppressWarnings("unchecked")
	static Baseline load(ClassPathResource resource) {
		try (InputStream in = resource.getInputStream()) {
			Map<String, Object> root = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			Map<String, Violation> violations = new LinkedHashMap<>();
			((Map<String, Map<String, Object>>) root.get("violations")).forEach((code, v) -> {
				Map<String, Object> law = (Map<String, Object>) v.get("law");
				Map<Circumstance, Range> ranges = new EnumMap<>(Circumstance.class);
				((Map<String, Map<String, Object>>) v.get("circumstances")).forEach((c, r) -> {
					Map<String, Object> fine = (Map<String, Object>) r.get("fine");
					Set<Measure> measures = measures((List<String>) r.get("measures"));
					if (fine != null && !measures.contains(Measure.FINE) || fine == null && measures.contains(Measure.FINE)) {
						throw new IllegalStateException(RESOURCE + ": " + code + "/" + c + " lists FINE without a range or the other way");
					}
					ranges.put(Circumstance.valueOf(c), new Range(Circumstance.valueOf(c), (String) r.get("when"), measures,
							fine == null ? null : ((Number) fine.get("min")).longValue(),
							fine == null ? null : ((Number) fine.get("max")).longValue()));
				});
				if (ranges.size() != Circumstance.values().length) {
					throw new IllegalStateException(RESOURCE + ": " + code + " must give all four circumstances");
				}
				long max = ((Number) law.get("maxFine")).longValue();
				Set<Measure> lawMeasures = measures((List<String>) law.get("measures"));
				ranges.values().forEach(r -> {
					if (!lawMeasures.containsAll(r.measures()) || r.fineMax() != null && r.fineMax() > max) {
						throw new IllegalStateException(RESOURCE + ": " + code + "/" + r.circumstance() + " goes beyond the law");
					}
				});
				violations.put(code, new Violation(code, Sector.valueOf((String) v.get("sector")), (String) v.get("name"),
						(String) v.get("violated"), (String) v.get("penaltyBasis"), max, lawMeasures, ranges,
						(String) v.get("note")));
			});
			return new Baseline(Boolean.TRUE.equals(root.get("reviewed")), (String) root.get("reviewedBy"),
					(String) root.get("basis"), violations);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Set<Measure> measures(List<String> codes) {
		Set<Measure> out = EnumSet.noneOf(Measure.class);
		codes.forEach(m -> out.add(Measure.valueOf(m)));
		return out;
	}
}
