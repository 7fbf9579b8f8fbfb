package org.tongban.supervision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 同案同罚 (similar cases, similar penalties): a fine is compared with the decided fines of the same violation and
 * circumstance. Once there are at least {@value #MIN_COMPARABLE} such decisions, a fine outside Tukey's fences
 * (below Q1 − 1.5 × IQR or above Q3 + 1.5 × IQR; quartiles by linear interpolation) is flagged for the decider
 * and listed for the institute. A flag is a question, not a refusal: the case may have its reasons.
 */
@Service
public class SimilarCases {

	static final int MIN_COMPARABLE = 5;

	/** How a fine compares with the others: {@code flagged} only when there are enough to compare with. */
	public record Comparison(int comparable, Double q1, Double median, Double q3, Double lowerFence, Double upperFence,
			boolean flagged) {

		static Comparison tooFew(int n) {
			return new Comparison(n, null, null, null, null, null, false);
		}
	}

	/** A decided case whose fine is an outlier among its comparable decisions. */
	public record Outlier(UUID id, String decisionNumber, String entityName, String violation, String circumstance,
			long fine, Comparison comparison) {
	}

	private final JdbcClient jdbc;

	SimilarCases(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Compares the case's fine with every other decided fine of its violation and circumstance. */
	public Comparison compare(PenaltyCase c) {
		if (c.fine() == null || c.violation() == null) {
			return Comparison.tooFew(0);
		}
		List<Long> others = jdbc.sql("""
				SELECT fine FROM supervision_penalty_case WHERE decided_at IS NOT NULL AND fine IS NOT NULL
				AND violation = ? AND circumstance = ? AND id <> ?""")
			.params(c.violation(), c.circumstance().name(), c.id()).query(Long.class).list();
		return compare(c.fine(), others);
	}

	static Comparison compare(long fine, List<Long> others) {
		if (others.size() < MIN_COMPARABLE) {
			return Comparison.tooFew(others.size());
		}
		double[] sorted = others.stream().mapToDouble(Long::doubleValue).sorted().toArray();
		double q1 = quantile(sorted, 0.25);
		double median = quantile(sorted, 0.5);
		double q3 = quantile(sorted, 0.75);
		double iqr = q3 - q1;
		double low = q1 - 1.5 * iqr;
		double high = q3 + 1.5 * iqr;
		return new Comparison(sorted.length, q1, median, q3, low, high, fine < low || fine > high);
	}

	/** The quantile by linear interpolation between closest ranks (Hyndman–Fan type 7, as spreadsheets compute). */
	static double quantile(double[] sorted, double p) {
		double h = (sorted.length - 1) * p;
		int lo = (int) Math.floor(h);
		int hi = Math.min(lo + 1, sorted.length - 1);
		return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
	}

	/** Every decided case whose fine is flagged against the other decisions of its violation and circumstance. */
	public List<Outlier> outliers() {
		record Fine(UUID id, String number, String name, String violation, String circumstance, long fine) {
		}
		List<Fine> all = jdbc.sql("""
				SELECT id, decision_number, entity_name, violation, circumstance, fine FROM supervision_penalty_case
				WHERE decided_at IS NOT NULL AND fine IS NOT NULL ORDER BY decided_at DESC, id""")
			.query((rs, i) -> new Fine(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6)))
			.list();
		Map<String, List<Fine>> groups = new HashMap<>();
		all.forEach(f -> groups.computeIfAbsent(f.violation() + "/" + f.circumstance(), k -> new ArrayList<>()).add(f));
		List<Outlier> out = new ArrayList<>();
		for (Fine f : all) {
			List<Long> others = groups.get(f.violation() + "/" + f.circumstance()).stream().filter(o -> o != f)
				.map(Fine::fine).toList();
			Comparison c = compare(f.fine(), others);
			if (c.flagged()) {
				out.add(new Outlier(f.id(), f.number(), f.name(), f.violation(), f.circumstance(), f.fine(), c));
			}
		}
		return out;
	}

}
