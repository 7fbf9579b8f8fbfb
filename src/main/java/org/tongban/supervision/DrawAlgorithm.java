package org.tongban.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The published draw algorithm, written so that anyone can re-run it from the published inputs
 * ({@code scripts/VerifyDraw.java} is an independent implementation of the same text; a test makes both agree).
 * <ol>
 * <li>The inputs' canonical text (UTF-8, every line ending in {@code \n}): {@code tongban-draw-inputs/1},
 * {@code plan:<id>}, {@code sector:<code>}, {@code period:<period>}, {@code ratios:A=<a>,B=<b>,C=<c>,D=<d>},
 * {@code entities:<n>} then one {@code <uscc> <class>} per entity in USCC order, {@code inspectors:<m>} then one
 * {@code <code>} per inspector in code order, {@code conflicts:<k>} then one {@code <uscc> <code>} per pair in
 * that order. {@code planHash} = SHA-256 of it, in lower-case hex.</li>
 * <li>{@code seed} = SHA-256 hex of {@code <publicValue>\n<planHash>}: fixed and published when the plan is
 * made, before the draw.</li>
 * <li>A stream is SHA-256 in counter mode, as ColoradoRLA's sampler (Rivest): block <i>i</i> (from 1) =
 * SHA-256({@code <seed>,<label>,<i>}); its first 8 bytes, big-endian, shifted right by one bit, give a number
 * <i>v</i> in [0, 2<sup>63</sup>). A uniform choice among <i>m</i> takes the next <i>v</i> below
 * ⌊(2<sup>63</sup>−1)/m⌋·m (rejecting the rest, so no bias) and answers <i>v</i> mod <i>m</i>.</li>
 * <li>Entities, per class A, B, C, D: the class's entities in USCC order, <i>n</i> of them, and
 * <i>k</i> = ⌈<i>n</i>·ratio/100⌉ are chosen by a partial Fisher–Yates shuffle on the stream labelled
 * {@code entities-<class>}: for <i>i</i> = 0 … <i>k</i>−1 swap position <i>i</i> with <i>i</i> + uniform(<i>n</i>−<i>i</i>).
 * The chosen are positions 0 … <i>k</i>−1, in that order.</li>
 * <li>Inspectors, on the one stream labelled {@code inspectors}, for each chosen entity in the order of step 4:
 * draw uniform(<i>m</i>) over the pool in code order until the inspector is not on the entity's conflict list;
 * then again until the inspector is neither conflicted nor the first.</li>
 * </ol>
 */
public final class DrawAlgorithm {

	public static final String NAME = "tongban-sha256-ctr/1";
	public static final String DESCRIPTION = "SHA-256 计数器模式（ColoradoRLA 式），按信用代码排序的登记快照，逐类部分 Fisher–Yates 抽取；"
			+ "每户两名执法人员，跳过利益冲突名单（算法全文见 DrawAlgorithm 与 scripts/VerifyDraw.java）";

	static final List<String> CLASSES = List.of("A", "B", "C", "D");

	/** An entity of the register snapshot with its combined class. */
	public record Entity(String uscc, String grade) {
	}

	/** An inspector who may not inspect an entity. */
	public record Conflict(String uscc, String inspector) {
	}

	/** Everything the draw depends on besides the seed. */
	public record Inputs(String planId, String sector, String period, Map<String, Integer> ratios, List<Entity> entities,
			List<String> inspectors, List<Conflict> conflicts) {

		/** The same inputs in canonical order. */
		public Inputs sorted() {
			return new Inputs(planId, sector, period, ratios,
					entities.stream().sorted(Comparator.comparing(Entity::uscc)).toList(),
					inspectors.stream().sorted().toList(),
					conflicts.stream().sorted(Comparator.comparing(Conflict::uscc).thenComparing(Conflict::inspector)).toList());
		}
	}

	/** One inspection drawn: the entity, its class, and its two inspectors. */
	public record Pick(String uscc, String grade, String inspector1, String inspector2) {
	}

	/** Refused: an entity with fewer than two inspectors free of conflict. */
	public static final class TooFewInspectors extends RuntimeException {
		public final String uscc;

		TooFewInspectors(String uscc) {
			super("too few inspectors free of conflict for " + uscc);
			this.uscc = uscc;
		}
	}

	private DrawAlgorithm() {
	}

	public static String canonical(Inputs in) {
		Inputs s = in.sorted();
		StringBuilder b = new StringBuilder(64 + s.entities().size() * 22 + s.inspectors().size() * 10);
		b.append("tongban-draw-inputs/1\n").append("plan:").append(s.planId()).append('\n').append("sector:")
			.append(s.sector()).append('\n').append("period:").append(s.period()).append('\n').append("ratios:");
		for (int i = 0; i < CLASSES.size(); i++) {
			b.append(i == 0 ? "" : ",").append(CLASSES.get(i)).append('=').append(s.ratios().get(CLASSES.get(i)));
		}
		b.append("\nentities:").append(s.entities().size()).append('\n');
		s.entities().forEach(e -> b.append(e.uscc()).append(' ').append(e.grade()).append('\n'));
		b.append("inspectors:").append(s.inspectors().size()).append('\n');
		s.inspectors().forEach(c -> b.append(c).append('\n'));
		b.append("conflicts:").append(s.conflicts().size()).append('\n');
		s.conflicts().forEach(c -> b.append(c.uscc()).append(' ').append(c.inspector()).append('\n'));
		return b.toString();
	}

	public static String planHash(Inputs in) {
		return sha256Hex(canonical(in));
	}

	public static String seed(String publicValue, String planHash) {
		return sha256Hex(publicValue + "\n" + planHash);
	}

	public static List<Pick> draw(String seed, Inputs unsorted) {
		Inputs in = unsorted.sorted();
		List<Entity> chosen = new ArrayList<>();
		for (String grade : CLASSES) {
			List<Entity> of = new ArrayList<>(in.entities().stream().filter(e -> e.grade().equals(grade)).toList());
			int n = of.size();
			int k = (int) ((n * (long) in.ratios().get(grade) + 99) / 100);
			Stream stream = new Stream(seed, "entities-" + grade);
			for (int i = 0; i < k; i++) {
				int j = i + stream.uniform(n - i);
				Entity t = of.get(i);
				of.set(i, of.get(j));
				of.set(j, t);
			}
			chosen.addAll(of.subList(0, k));
		}
		List<String> pool = in.inspectors();
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < pool.size(); i++) {
			index.put(pool.get(i), i);
		}
		Map<String, Set<Integer>> conflicts = new HashMap<>();
		for (Conflict c : in.conflicts()) {
			Integer at = index.get(c.inspector());
			if (at != null) {
				conflicts.computeIfAbsent(c.uscc(), u -> new HashSet<>()).add(at);
			}
		}
		Stream stream = new Stream(seed, "inspectors");
		List<Pick> picks = new ArrayList<>(chosen.size());
		for (Entity e : chosen) {
			Set<Integer> barred = conflicts.getOrDefault(e.uscc(), Set.of());
			if (pool.size() - barred.size() < 2) {
				throw new TooFewInspectors(e.uscc());
			}
			int first;
			do {
				first = stream.uniform(pool.size());
			}
			while (barred.contains(first));
			int second;
			do {
				second = stream.uniform(pool.size());
			}
			while (second == first || barred.contains(second));
			picks.add(new Pick(e.uscc(), e.grade(), pool.get(first), pool.get(second)));
		}
		return picks;
	}

	static String sha256Hex(String text) {
		return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	private static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** SHA-256 in counter mode under one label. */
	static final class Stream {
		private final MessageDigest sha = digest();
		private final String prefix;
		private long counter;

		Stream(String seed, String label) {
			this.prefix = seed + "," + label + ",";
		}

		long next() {
			counter++;
			byte[] h = sha.digest((prefix + counter).getBytes(StandardCharsets.UTF_8));
			long v = 0;
			for (int i = 0; i < 8; i++) {
				v = (v << 8) | (h[i] & 0xff);
			}
			return v >>> 1;
		}

		int uniform(int m) {
			long bound = (Long.MAX_VALUE / m) * m;
			while (true) {
				long v = next();
				if (v < bound) {
					return (int) (v % m);
				}
			}
		}
	}
}
