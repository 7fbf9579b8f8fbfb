package org.tongban.guidance;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * The vectors of the bundled catalogue's passages, computed at build time ({@link #main}, run by Maven in
 * {@code process-classes}) and shipped in the jar as {@value #RESOURCE}, so that semantic search works from
 * the first request instead of after a minute of embedding. Each vector is keyed by the SHA-256 of the text it
 * was computed from (as {@link SearchDocuments} keys stored vectors): a guide edited after the build has other
 * texts and is embedded at run time. The file also holds the vector of a fixed probe sentence; at run time the
 * loaded model embeds the probe again and the file is used only if both agree, so vectors of another model (or
 * model version) are never mixed with the query vectors.
 */
final class ShippedVectors {

	private static final Logger log = LoggerFactory.getLogger(ShippedVectors.class);

	static final String RESOURCE = "data/guidance/catalogue-vectors.bin";
	static final String PROBE = "护士换了医院，执业注册要变更吗？";
	private static final String MAGIC = "TONGBAN-VECTORS-1";
	/** Cosine of the probe vectors at or above which the model is the one the file was built with. */
	private static final double SAME_MODEL = 0.9999;

	final String model;
	final float[] probe;
	final Map<String, float[]> byHash;

	private ShippedVectors(String model, float[] probe, Map<String, float[]> byHash) {
		this.model = model;
		this.probe = probe;
		this.byHash = byHash;
	}

	/** The shipped vectors if the loaded model produced them, else none. */
	static Map<String, float[]> forModel(Embedder embedder) {
		try (InputStream in = ShippedVectors.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				log.info("Search: no shipped catalogue vectors; all passages are embedded at run time");
				return Map.of();
			}
			ShippedVectors v = read(in);
			float[] now = embedder.probe(PROBE);
			if (now == null || now.length != v.probe.length || dot(now, v.probe) < SAME_MODEL) {
				log.warn("Search: shipped catalogue vectors were built with another model ({}); they are not used", v.model);
				return Map.of();
			}
			log.info("Search: {} shipped catalogue vectors ({})", v.byHash.size(), v.model);
			return v.byHash;
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Search: shipped catalogue vectors unreadable, embedding at run time: {}", ex.toString());
			return Map.of();
		}
	}

	static ShippedVectors read(InputStream raw) throws IOException {
		DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
		if (!MAGIC.equals(in.readUTF())) {
			throw new IOException("not a vectors file");
		}
		String model = in.readUTF();
		int dim = in.readInt();
		float[] probe = floats(in, dim);
		int n = in.readInt();
		Map<String, float[]> byHash = new HashMap<>(n * 2);
		byte[] hash = new byte[32];
		for (int i = 0; i < n; i++) {
			in.readFully(hash);
			byHash.put(HexFormat.of().formatHex(hash), floats(in, dim));
		}
		return new ShippedVectors(model, probe, byHash);
	}

	private static float[] floats(DataInputStream in, int dim) throws IOException {
		float[] v = new float[dim];
		for (int i = 0; i < dim; i++) {
			v[i] = in.readFloat();
		}
		return v;
	}

	private static double dot(float[] a, float[] b) {
		double s = 0;
		for (int i = 0; i < a.length; i++) {
			s += a[i] * b[i];
		}
		return s;
	}

	/** The texts of the bundled catalogue's passages, by hex hash, in the shape the catalogue feed indexes. */
	static Map<String, String> bundledTexts(Path itemsDir) throws IOException {
		Map<String, String> out = new LinkedHashMap<>();
		List<Path> files;
		try (Stream<Path> s = Files.list(itemsDir)) {
			files = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
		}
		for (Path f : files) {
			Map<String, Object> item;
			try (InputStream in = Files.newInputStream(f)) {
				item = new Yaml().load(in);
			}
			for (SearchDocument d : CatalogueFeed.documents(item)) {
				String text = d.embeddingText();
				out.put(HexFormat.of().formatHex(SearchDocuments.hash(text)), text);
			}
		}
		return out;
	}

	/**
	 * Build step: {@code ShippedVectors <classes dir> <model label>} writes {@value #RESOURCE} under the classes
	 * directory from {@code data/catalogue/items}. Does nothing (and loads no model) when the file is there, has
	 * the same model label and covers every passage; otherwise embeds what is missing (≈ 30 s for the catalogue).
	 */
	public static void main(String[] args) throws Exception {
		Path classes = Path.of(args[0]);
		String model = args[1];
		Path out = classes.resolve(RESOURCE);
		Map<String, String> texts = bundledTexts(classes.resolve("data/catalogue/items"));
		ShippedVectors old = null;
		if (Files.exists(out)) {
			try (InputStream in = Files.newInputStream(out)) {
				old = read(in);
			}
			catch (IOException ex) {
				old = null;
			}
		}
		if (old != null && old.model.equals(model) && old.byHash.keySet().equals(texts.keySet())) {
			System.out.println("[vectors] " + out + " is up to date (" + texts.size() + " passages, " + model + ")");
			return;
		}
		Embedder embedder = new Embedder();
		if (!embedder.load()) {
			throw new IllegalStateException("the embedding model does not load; cannot ship vectors");
		}
		float[] probe = embedder.probe(PROBE);
		boolean reuse = old != null && old.model.equals(model) && dot(probe, old.probe) >= SAME_MODEL;
		List<Map.Entry<String, float[]>> entries = new ArrayList<>();
		int computed = 0;
		for (Map.Entry<String, String> t : texts.entrySet()) {
			float[] v = reuse ? old.byHash.get(t.getKey()) : null;
			if (v == null) {
				v = embedder.passage(t.getValue());
				computed++;
			}
			entries.add(Map.entry(t.getKey(), v));
		}
		Files.createDirectories(out.getParent());
		try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(out)))) {
			o.writeUTF(MAGIC);
			o.writeUTF(model);
			o.writeInt(probe.length);
			for (float x : probe) {
				o.writeFloat(x);
			}
			o.writeInt(entries.size());
			for (Map.Entry<String, float[]> e : entries) {
				o.write(HexFormat.of().parseHex(e.getKey()));
				for (float x : e.getValue()) {
					o.writeFloat(x);
				}
			}
		}
		System.out.println("[vectors] wrote " + out + ": " + entries.size() + " passages (" + computed + " embedded now), " + model);
	}
}
