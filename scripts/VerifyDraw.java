/*
 * Re-runs a published 双随机 draw of Tongban from its published inputs, on any machine with a JDK 17 and nothing
 * else: java scripts/VerifyDraw.java draw.json   (or scripts/verify-draw <URL or file>).
 *
 * The input is the JSON of GET /api/public/draws/{id} (or just its "inputs" object). This file implements the
 * published algorithm independently of the server's code (org.tongban.supervision.DrawAlgorithm), from its text:
 *   1. canonical text of the inputs -> planHash = SHA-256 hex; checked against the published planHash;
 *   2. seed = SHA-256 hex of "<publicValue>\n<planHash>"; checked against the published seed;
 *   3. per class A..D: partial Fisher-Yates over the class's entities in USCC order, k = ceil(n * ratio / 100),
 *      on the SHA-256 counter-mode stream "entities-<class>" (ColoradoRLA style);
 *   4. two inspectors per chosen entity on the stream "inspectors", skipping the entity's conflicts.
 * It prints one line per inspection: "<seq> <uscc> <class> <inspector1> <inspector2>", and, when the input holds
 * the server's result, a last line saying whether they agree (exit status 0 when they do, 1 when they do not).
 */
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class VerifyDraw {

	public static void main(String[] args) throws Exception {
		if (args.length != 1) {
			System.err.println("用法：java scripts/VerifyDraw.java <公开抽取结果的 JSON 文件>");
			System.exit(2);
		}
		Object root = new Json(Files.readString(Path.of(args[0]), StandardCharsets.UTF_8)).value();
		Map<?, ?> all = (Map<?, ?>) root;
		Map<?, ?> in = all.containsKey("inputs") ? (Map<?, ?>) all.get("inputs") : all;

		List<String[]> entities = new ArrayList<>();
		for (Object o : (List<?>) in.get("entities")) {
			Map<?, ?> e = (Map<?, ?>) o;
			entities.add(new String[] {(String) e.get("uscc"), (String) e.get("grade")});
		}
		entities.sort((a, b) -> a[0].compareTo(b[0]));
		List<String> pool = new ArrayList<>();
		for (Object o : (List<?>) in.get("inspectors")) {
			pool.add((String) o);
		}
		pool.sort(null);
		List<String[]> conflicts = new ArrayList<>();
		for (Object o : (List<?>) in.get("conflicts")) {
			Map<?, ?> c = (Map<?, ?>) o;
			conflicts.add(new String[] {(String) c.get("uscc"), (String) c.get("inspector")});
		}
		conflicts.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
		Map<?, ?> ratios = (Map<?, ?>) in.get("ratios");
		String[] classes = {"A", "B", "C", "D"};

		StringBuilder t = new StringBuilder("tongban-draw-inputs/1\n");
		t.append("plan:").append(in.get("planId")).append('\n');
		t.append("sector:").append(in.get("sector")).append('\n');
		t.append("period:").append(in.get("period")).append('\n');
		t.append("ratios:");
		for (int i = 0; i < 4; i++) {
			t.append(i == 0 ? "" : ",").append(classes[i]).append('=').append(((Number) ratios.get(classes[i])).intValue());
		}
		t.append("\nentities:").append(entities.size()).append('\n');
		for (String[] e : entities) {
			t.append(e[0]).append(' ').append(e[1]).append('\n');
		}
		t.append("inspectors:").append(pool.size()).append('\n');
		for (String c : pool) {
			t.append(c).append('\n');
		}
		t.append("conflicts:").append(conflicts.size()).append('\n');
		for (String[] c : conflicts) {
			t.append(c[0]).append(' ').append(c[1]).append('\n');
		}
		String planHash = sha256(t.toString());
		String seed = sha256(in.get("publicValue") + "\n" + planHash);
		boolean ok = true;
		if (!planHash.equals(in.get("planHash"))) {
			System.err.println("计划摘要不符：公开的 " + in.get("planHash") + "，按输入计算得 " + planHash);
			ok = false;
		}
		if (!seed.equals(in.get("seed"))) {
			System.err.println("种子不符：公开的 " + in.get("seed") + "，按公开随机值和计划摘要计算得 " + seed);
			ok = false;
		}

		List<String[]> chosen = new ArrayList<>();
		for (String grade : classes) {
			List<String[]> of = new ArrayList<>();
			for (String[] e : entities) {
				if (e[1].equals(grade)) {
					of.add(e);
				}
			}
			int n = of.size();
			int k = (int) ((n * (long) ((Number) ratios.get(grade)).intValue() + 99) / 100);
			Stream s = new Stream(seed, "entities-" + grade);
			for (int i = 0; i < k; i++) {
				int j = i + s.uniform(n - i);
				String[] x = of.get(i);
				of.set(i, of.get(j));
				of.set(j, x);
			}
			chosen.addAll(of.subList(0, k));
		}
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < pool.size(); i++) {
			index.put(pool.get(i), i);
		}
		Map<String, Set<Integer>> barred = new HashMap<>();
		for (String[] c : conflicts) {
			if (index.containsKey(c[1])) {
				barred.computeIfAbsent(c[0], u -> new HashSet<>()).add(index.get(c[1]));
			}
		}
		Stream s = new Stream(seed, "inspectors");
		List<String> lines = new ArrayList<>();
		int seq = 0;
		for (String[] e : chosen) {
			Set<Integer> no = barred.getOrDefault(e[0], Set.of());
			if (pool.size() - no.size() < 2) {
				System.err.println(e[0] + " 排除利益冲突后执法人员不足两名");
				System.exit(1);
			}
			int a;
			do {
				a = s.uniform(pool.size());
			}
			while (no.contains(a));
			int b;
			do {
				b = s.uniform(pool.size());
			}
			while (b == a || no.contains(b));
			lines.add(++seq + " " + e[0] + " " + e[1] + " " + pool.get(a) + " " + pool.get(b));
		}
		lines.forEach(System.out::println);

		if (all.containsKey("result")) {
			List<String> published = new ArrayList<>();
			for (Object o : (List<?>) all.get("result")) {
				Map<?, ?> r = (Map<?, ?>) o;
				List<?> two = (List<?>) r.get("inspectors");
				published.add(((Number) r.get("seq")).intValue() + " " + r.get("uscc") + " " + r.get("combinedClass") + " "
						+ two.get(0) + " " + two.get(1));
			}
			boolean same = published.equals(lines);
			System.out.println(same && ok ? "一致：重新抽取的 " + lines.size() + " 户与公开结果完全相同"
					: "不一致：重新抽取的结果与公开结果不同");
			System.exit(same && ok ? 0 : 1);
		}
		System.exit(ok ? 0 : 1);
	}

	static String sha256(String text) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/** SHA-256 in counter mode: block i = SHA-256("<seed>,<label>,<i>"), first 8 bytes big-endian >>> 1. */
	static final class Stream {
		final MessageDigest sha;
		final String prefix;
		long counter;

		Stream(String seed, String label) throws Exception {
			sha = MessageDigest.getInstance("SHA-256");
			prefix = seed + "," + label + ",";
		}

		int uniform(int m) {
			long bound = (Long.MAX_VALUE / m) * m;
			while (true) {
				counter++;
				byte[] h = sha.digest((prefix + counter).getBytes(StandardCharsets.UTF_8));
				long v = 0;
				for (int i = 0; i < 8; i++) {
					v = (v << 8) | (h[i] & 0xff);
				}
				v >>>= 1;
				if (v < bound) {
					return (int) (v % m);
				}
			}
		}
	}

	/** Just enough JSON: objects, arrays, strings (with escapes), numbers, true, false, null. */
	static final class Json {
		final String s;
		int i;

		Json(String s) {
			this.s = s;
		}

		Object value() {
			ws();
			char c = s.charAt(i);
			if (c == '{') {
				Map<String, Object> m = new LinkedHashMap<>();
				i++;
				ws();
				if (s.charAt(i) == '}') {
					i++;
					return m;
				}
				while (true) {
					ws();
					String k = string();
					ws();
					expect(':');
					m.put(k, value());
					ws();
					if (s.charAt(i) == ',') {
						i++;
						continue;
					}
					expect('}');
					return m;
				}
			}
			if (c == '[') {
				List<Object> l = new ArrayList<>();
				i++;
				ws();
				if (s.charAt(i) == ']') {
					i++;
					return l;
				}
				while (true) {
					l.add(value());
					ws();
					if (s.charAt(i) == ',') {
						i++;
						continue;
					}
					expect(']');
					return l;
				}
			}
			if (c == '"') {
				return string();
			}
			if (s.startsWith("true", i)) {
				i += 4;
				return Boolean.TRUE;
			}
			if (s.startsWith("false", i)) {
				i += 5;
				return Boolean.FALSE;
			}
			if (s.startsWith("null", i)) {
				i += 4;
				return null;
			}
			int start = i;
			while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
				i++;
			}
			String num = s.substring(start, i);
			return num.contains(".") || num.contains("e") || num.contains("E") ? (Number) Double.valueOf(num)
					: (Number) Long.valueOf(num);
		}

		String string() {
			expect('"');
			StringBuilder b = new StringBuilder();
			while (true) {
				char c = s.charAt(i++);
				if (c == '"') {
					return b.toString();
				}
				if (c == '\\') {
					char e = s.charAt(i++);
					switch (e) {
						case 'n' -> b.append('\n');
						case 't' -> b.append('\t');
						case 'r' -> b.append('\r');
						case 'b' -> b.append('\b');
						case 'f' -> b.append('\f');
						case 'u' -> {
							b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
							i += 4;
						}
						default -> b.append(e);
					}
				}
				else {
					b.append(c);
				}
			}
		}

		void ws() {
			while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
				i++;
			}
		}

		void expect(char c) {
			if (s.charAt(i) != c) {
				throw new IllegalArgumentException("JSON 格式错误：第 " + i + " 个字符处应为 " + c);
			}
			i++;
		}
	}
}
