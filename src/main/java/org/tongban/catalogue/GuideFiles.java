package org.tongban.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FileStore;
import org.tongban.shared.Problem;
import org.tongban.shared.StoredFile;
import org.tongban.shared.Uploads;

/**
 * The blank forms and samples a guide version offers for its materials (办事指南“提供空白表格/示范文本”), kept with
 * the version: a draft's editor uploads, replaces and removes them; publishing keeps them as they are; a new draft
 * starts with a copy. In demo mode the seeded versions offer forms generated from the guide ({@link GuideFormPdf}),
 * made on first use and then kept like an uploaded file.
 */
@Service
@Transactional
public class GuideFiles {

	/** Who adds generated files: the one author the database lets add files to a version no longer a draft. */
	static final String SYSTEM = "system";

	private static final String SUBJECT = "catalogue.guide";

	/** The materials of a version that have a file to download, by kind. */
	public record Offered(Set<String> blankForms, Set<String> samples) {

		public boolean has(GuideFileKind kind, String material) {
			return (kind == GuideFileKind.BLANK_FORM ? blankForms : samples).contains(material);
		}
	}

	/**
	 * A place for a file in a version, as the editor shows it: a material that says it provides the kind
	 * ({@code offered}), or a file left from a material renamed or no longer offering it; {@code file} null when empty.
	 */
	public record Slot(String material, GuideFileKind kind, String kindLabel, boolean offered, GuideFile file) {

		/** The key errors of this slot's upload are shown under. */
		public String key() {
			return kind.name() + "|" + material;
		}
	}

	/** A file to serve and a way to read its bytes. */
	public record Download(GuideFile file, Supplier<InputStream> content) {
	}

	private final CatalogueStore store;
	private final GuideFileStore files;
	private final Catalogue catalogue;
	private final FileStore fileStore;
	private final GuideFormPdf pdf;
	private final AuditTrail audit;
	private final Clock clock;
	private final boolean demoForms;

	GuideFiles(CatalogueStore store, GuideFileStore files, Catalogue catalogue, FileStore fileStore, GuideFormPdf pdf,
			AuditTrail audit, Clock clock,
			@Value("${tongban.catalogue.demo-forms:${tongban.demo.enabled:false}}") boolean demoForms) {
		this.store = store;
		this.files = files;
		this.catalogue = catalogue;
		this.fileStore = fileStore;
		this.pdf = pdf;
		this.audit = audit;
		this.clock = clock;
		this.demoForms = demoForms;
	}

	/** Every file kept with a version, whether or not its material still asks for it. */
	@Transactional(readOnly = true)
	public List<GuideFile> files(String code, int version) {
		return files.files(code, version);
	}

	/** The editor's view of a version's files: one slot per material and kind it offers, then any files left over. */
	@Transactional(readOnly = true)
	public List<Slot> slots(String code, int version) {
		Guide guide = guide(code, version);
		Map<String, GuideFile> stored = keyed(files.files(code, version));
		List<Slot> slots = new ArrayList<>();
		for (GuideContent.Material m : materials(guide).values()) {
			for (GuideFileKind kind : GuideFileKind.values()) {
				if (kind.offeredBy(m)) {
					slots.add(new Slot(m.name(), kind, kind.label(), true, stored.remove(m.name() + "\u0000" + kind)));
				}
			}
		}
		stored.values().forEach(f -> slots.add(new Slot(f.material(), f.kind(), f.kind().label(), false, f)));
		return slots;
	}

	/** What a version offers: a material that says it provides a blank form or a sample and has a file for it. */
	@Transactional(readOnly = true)
	public Offered offered(String code, int version) {
		Guide guide = guide(code, version);
		Map<String, GuideContent.Material> materials = materials(guide);
		Set<String> blank = new LinkedHashSet<>();
		Set<String> samples = new LinkedHashSet<>();
		boolean generated = generates(code, version);
		for (GuideContent.Material m : materials.values()) {
			if (GuideFileKind.BLANK_FORM.offeredBy(m) && generated) {
				blank.add(m.name());
			}
			if (GuideFileKind.SAMPLE.offeredBy(m) && generated) {
				samples.add(m.name());
			}
		}
		for (GuideFile f : files.files(code, version)) {
			GuideContent.Material m = materials.get(f.material());
			if (m != null && f.kind().offeredBy(m)) {
				(f.kind() == GuideFileKind.BLANK_FORM ? blank : samples).add(f.material());
			}
		}
		return new Offered(Set.copyOf(blank), Set.copyOf(samples));
	}

	/** A version's file of a material; 404 when the material does not offer one or none is there yet. */
	public Download download(String code, int version, GuideFileKind kind, String material) {
		Guide guide = guide(code, version);
		GuideContent.Material m = offering(guide, kind, material);
		Optional<GuideFile> stored = files.file(code, version, m.name(), kind);
		if (stored.isEmpty() && generates(code, version)) {
			stored = Optional.of(generate(guide, m.name(), kind));
		}
		GuideFile file = stored.orElseThrow(() -> Problem.notFound("第 " + version + " 版办事指南尚未提供“" + material
				+ "”的" + kind.label() + "文件，" + kind.label() + "可到窗口领取。"));
		return new Download(file, () -> fileStore.open(file.sha256()));
	}

	/**
	 * Puts an uploaded file in a draft's place for the material and kind (replacing the one there): the editors of
	 * the item only, on a draft only, for a material that says it provides that kind; the type judged by content.
	 */
	public GuideFile upload(SignedInUser me, String code, int version, GuideFileKind kind, String material,
			String filename, long size, InputStreamSource content) {
		CatalogueStore.Row row = draft(me, code, version);
		GuideContent.Material m = offering(catalogue.guide(store.item(code).orElseThrow(), row), kind, material);
		String field = "file";
		String type = Uploads.check(field, filename, size, content, Uploads.DOCUMENTS);
		StoredFile stored;
		try (InputStream in = content.getInputStream()) {
			stored = fileStore.put(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Optional<GuideFile> before = files.file(code, version, m.name(), kind);
		GuideFile file = new GuideFile(m.name(), kind, kind.label(), filename(filename, m.name(), kind, type), type,
				stored.size(), stored.sha256(), me.username(), clock.instant());
		files.put(code, version, file);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("material", m.name());
		after.put("kind", kind.name());
		after.put("filename", file.filename());
		after.put("sha256", file.sha256());
		after.put("size", file.size());
		audit.record(before.isPresent() ? "catalogue.guide.file-replaced" : "catalogue.guide.file-uploaded", SUBJECT,
				code + "/v" + version, before.map(GuideFiles::auditOf).orElse(null), after);
		return file;
	}

	/** Takes a draft's file of a material away; removing one that is not there changes nothing (as DELETE may). */
	public void remove(SignedInUser me, String code, int version, GuideFileKind kind, String material) {
		draft(me, code, version);
		files.file(code, version, material == null ? "" : material, kind).ifPresent(before -> {
			files.remove(code, version, before.material(), kind);
			audit.record("catalogue.guide.file-removed", SUBJECT, code + "/v" + version, auditOf(before),
					Map.of("material", before.material(), "kind", kind.name()));
		});
	}

	/** A new draft starts with the files of the version it is copied from (a seeded one's demo forms made first). */
	void copyToDraft(String code, int from, int to) {
		if (generates(code, from)) {
			Guide guide = guide(code, from);
			for (GuideContent.Material m : materials(guide).values()) {
				for (GuideFileKind kind : GuideFileKind.values()) {
					if (kind.offeredBy(m) && files.file(code, from, m.name(), kind).isEmpty()) {
						generate(guide, m.name(), kind);
					}
				}
			}
		}
		files.copy(code, from, to);
	}

	/** The files added, replaced or removed from one version's files to another's. */
	static List<GuideDiff.FileChange> changes(List<GuideFile> from, List<GuideFile> to) {
		Map<String, GuideFile> a = keyed(from);
		Map<String, GuideFile> b = keyed(to);
		List<GuideDiff.FileChange> changes = new ArrayList<>();
		for (var e : a.entrySet()) {
			GuideFile after = b.get(e.getKey());
			GuideFile before = e.getValue();
			if (after == null) {
				changes.add(change(before, GuideDiff.FileChange.REMOVED, before, null));
			}
			else if (!Objects.equals(before.sha256(), after.sha256())
					|| !Objects.equals(before.filename(), after.filename())) {
				changes.add(change(before, GuideDiff.FileChange.REPLACED, before, after));
			}
		}
		for (var e : b.entrySet()) {
			if (!a.containsKey(e.getKey())) {
				changes.add(change(e.getValue(), GuideDiff.FileChange.ADDED, null, e.getValue()));
			}
		}
		return changes;
	}

	private static GuideDiff.FileChange change(GuideFile f, String change, GuideFile before, GuideFile after) {
		return new GuideDiff.FileChange(f.material(), f.kind(), f.kind().label(), change,
				GuideDiff.FileChange.label(change), before == null ? null : before.filename() + "（SHA-256 "
						+ before.sha256().substring(0, 12) + "…）",
				after == null ? null : after.filename() + "（SHA-256 " + after.sha256().substring(0, 12) + "…）");
	}

	private static Map<String, GuideFile> keyed(List<GuideFile> list) {
		Map<String, GuideFile> map = new LinkedHashMap<>();
		list.forEach(f -> map.put(f.material() + "\u0000" + f.kind(), f));
		return map;
	}

	/** Demo forms are generated for the seeded versions (imported by the system), never for an editor's version. */
	private boolean generates(String code, int version) {
		return demoForms && store.guide(code, version).map(r -> SYSTEM.equals(r.author())).orElse(false);
	}

	private GuideFile generate(Guide guide, String material, GuideFileKind kind) {
		java.time.Instant date = guide.publishedAt() != null ? guide.publishedAt() : clock.instant();
		byte[] bytes = pdf.render(guide, material, kind, date);
		StoredFile stored = fileStore.put(new ByteArrayInputStream(bytes));
		GuideFile file = new GuideFile(material, kind, kind.label(), GuideFormPdf.filename(material, kind),
				Uploads.PDF, stored.size(), stored.sha256(), SYSTEM, clock.instant());
		files.putIfAbsent(guide.code(), guide.version(), file);
		return files.file(guide.code(), guide.version(), material, kind).orElse(file);
	}

	private CatalogueStore.Row draft(SignedInUser me, String code, int version) {
		CatalogueStore.Item item = store.item(code).orElseThrow(() -> Catalogue.unknown(code));
		if (!CatalogueAccess.mayEdit(me, item.division())) {
			throw Problem.forbidden("只有事项“" + item.name() + "”的责任处室工作人员或系统管理员可以管理办事指南的表格和示范文本。");
		}
		CatalogueStore.Row row = store.guideForUpdate(code, version)
				.orElseThrow(() -> Catalogue.unknownVersion(code, version));
		if (row.status() != GuideStatus.DRAFT) {
			throw Problem.conflict("只有草稿可以上传或删除表格和示范文本；第 " + version + " 版当前状态为“"
					+ row.status().label() + "”。请新建草稿后修改。");
		}
		return row;
	}

	private Guide guide(String code, int version) {
		return catalogue.version(code, version).orElseThrow(() -> Catalogue.unknownVersion(code, version));
	}

	/** The version's material of that name, if it says it provides the kind; 404 otherwise. */
	private static GuideContent.Material offering(Guide guide, GuideFileKind kind, String material) {
		GuideContent.Material m = material == null ? null : materials(guide).get(material.strip());
		if (m == null || !kind.offeredBy(m)) {
			throw Problem.notFound("第 " + guide.version() + " 版办事指南中没有标明提供" + kind.label() + "的材料“"
					+ (material == null ? "" : material) + "”。");
		}
		return m;
	}

	/** The version's materials by name: the same material in several situations is one form. */
	private static Map<String, GuideContent.Material> materials(Guide guide) {
		Map<String, GuideContent.Material> byName = new LinkedHashMap<>();
		for (GuideContent.Situation s : guide.situations()) {
			if (s.materials() == null) {
				continue;
			}
			for (GuideContent.Material m : s.materials()) {
				GuideContent.Material known = byName.get(m.name());
				// a name offering a form in any situation offers it
				if (known == null) {
					byName.put(m.name(), m);
				}
				else if (!Boolean.TRUE.equals(known.blankForm()) && Boolean.TRUE.equals(m.blankForm())
						|| !Boolean.TRUE.equals(known.sample()) && Boolean.TRUE.equals(m.sample())) {
					byName.put(m.name(), new GuideContent.Material(m.name(), m.kind(), m.copies(), m.required(),
							m.condition(), Boolean.TRUE.equals(known.blankForm()) || Boolean.TRUE.equals(m.blankForm()),
							Boolean.TRUE.equals(known.sample()) || Boolean.TRUE.equals(m.sample()), m.heldBy(), m.notes()));
				}
			}
		}
		return byName;
	}

	/** The name a file is offered under: the uploader's without any path, or the material's. */
	static String filename(String uploaded, String material, GuideFileKind kind, String type) {
		String name = uploaded == null ? "" : uploaded;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != '"')
				.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
		if (name.length() > 120) {
			name = name.substring(name.length() - 120);
		}
		if (name.isBlank() || name.startsWith(".")) {
			name = material + (kind == GuideFileKind.SAMPLE ? "（示范文本）" : "") + extension(type);
		}
		return name;
	}

	private static String extension(String type) {
		return switch (type) {
			case Uploads.PDF -> ".pdf";
			case Uploads.DOCX -> ".docx";
			case Uploads.XLSX -> ".xlsx";
			case Uploads.OFD -> ".ofd";
			case Uploads.JPEG -> ".jpg";
			case Uploads.PNG -> ".png";
			default -> "";
		};
	}

	private static Map<String, Object> auditOf(GuideFile f) {
		return Map.of("material", f.material(), "kind", f.kind().name(), "filename", f.filename(), "sha256",
				f.sha256());
	}
}
