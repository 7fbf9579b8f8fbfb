package org.tongban.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;
import org.tongban.shared.Sm3;
import org.tongban.cases.Applicant;
import org.tongban.cases.Case;
import org.tongban.cases.CaseMaterial;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.TimelineEntry;
import org.tongban.shared.FileStore;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a case's archival package (layout in docs/archive-package.md): metadata, materials, documents as
 * PDF, the timeline, and a manifest with each file's size and SM3 digest. Every entry carries the case's
 * completion time as its timestamp and files are written in a fixed order, so rebuilding gives the same bytes.
 */
@Component
class PackageBuilder {

	/** Version 2 names each document by what it is ({@code NN-<kind>.pdf}) and gives each event its action. */
	static final String FORMAT = "tongban-archive-package/2";

	private final FileStore files;
	private final PdfDocuments pdf;
	private final JsonMapper json;
	private final CaseRecords cases;

	PackageBuilder(FileStore files, PdfDocuments pdf, JsonMapper json, CaseRecords cases) {
		this.files = files;
		this.pdf = pdf;
		this.json = json;
		this.cases = cases;
	}

	record Built(byte[] zip, String sm3, List<ManifestEntry> manifest) {
	}

	record ManifestEntry(String path, long size, String sm3) {
	}

	Built build(Case c, Instant completedAt, Integer retentionYears, Optional<byte[]> licence) throws IOException {
		Map<String, byte[]> content = new LinkedHashMap<>();
		content.put("metadata/case.json", json(caseMetadata(c, completedAt, retentionYears)));
		content.put("metadata/events.json", json(events(c)));
		if (c.commitmentText() != null) {
			// the 告知承诺 text exactly as the applicant committed to it; its SM3 is in case.json and the manifest
			content.put("metadata/commitment.txt", c.commitmentText().getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		int n = 1;
		for (CaseMaterial m : c.materials()) {
			try (InputStream in = files.open(m.sha256())) {
				byte[] bytes = in.readAllBytes();
				if (bytes.length != m.size()) {
					throw new IOException("material " + m.filename() + " has " + bytes.length + " bytes, expected "
							+ m.size());
				}
				content.put("representations/materials/" + String.format("%02d", n++) + "-" + safeName(m.filename()),
						bytes);
			}
		}
		content.put("representations/documents/00-case-summary.pdf", pdf.render(summary(c, completedAt), completedAt));
		int d = 1;
		for (TimelineEntry t : c.timeline()) {
			Optional<DocumentKind> kind = DocumentKind.of(t);
			if (kind.isPresent()) {
				// a refusal, denial or revocation is the written decision the applicant received, word for word
				PdfDocuments.Doc doc = CaseDocuments.of(c, t, kind.get(), cases.decisionNotice(c, t), t.actor());
				content.put("representations/documents/" + String.format("%02d", d) + "-" + kind.get().slug() + ".pdf",
						pdf.render(doc, completedAt));
			}
			d++;
		}
		licence.ifPresent(bytes -> content.put("representations/documents/licence.pdf", bytes));

		List<ManifestEntry> manifest = new ArrayList<>();
		content.forEach((path, bytes) -> manifest.add(new ManifestEntry(path, bytes.length, Sm3.hex(bytes))));
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", FORMAT);
		m.put("caseId", c.id().toString());
		m.put("digestAlgorithm", "SM3");
		m.put("files", manifest);
		content.put("manifest.json", json(m));

		LocalDateTime stamp = LocalDateTime.ofInstant(completedAt, PdfDocuments.ZONE).withNano(0);
		if (stamp.getYear() < 1980) {
			stamp = LocalDateTime.of(1980, 1, 1, 0, 0);
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			List<String> order = new ArrayList<>();
			order.add("manifest.json");
			content.keySet().stream().filter(p -> !p.equals("manifest.json")).forEach(order::add);
			for (String path : order) {
				ZipEntry e = new ZipEntry(c.id() + "/" + path);
				e.setTimeLocal(stamp);
				zip.putNextEntry(e);
				zip.write(content.get(path));
				zip.closeEntry();
			}
		}
		byte[] bytes = out.toByteArray();
		return new Built(bytes, Sm3.hex(bytes), manifest);
	}

	private byte[] json(Object value) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(value);
	}

	private static Map<String, Object> caseMetadata(Case c, Instant completedAt, Integer retentionYears) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("caseId", c.id().toString());
		m.put("itemCode", c.itemCode());
		m.put("itemName", c.itemName());
		m.put("situation", c.situation());
		m.put("situationName", c.situationName());
		m.put("guideVersion", c.guideVersion());
		Applicant a = c.applicant();
		Map<String, Object> applicant = new LinkedHashMap<>();
		applicant.put("kind", a.kind().name());
		applicant.put("name", a.name());
		applicant.put("idNumber", a.idNumber());
		if (a.idType() != null && a.idType() != org.tongban.shared.IdDocumentType.RESIDENT_ID) {
			// the document a passport or permit holder applied with (a resident ID, as ever, goes unsaid)
			applicant.put("idType", a.idType().name());
		}
		applicant.put("uscc", a.uscc());
		applicant.put("agentName", a.agentName());
		applicant.put("account", a.owner());
		m.put("applicant", applicant);
		m.put("channel", c.channel().name());
		m.put("channelLabel", c.channel().label());
		m.put("form", new TreeMap<>(c.form()));
		m.put("status", c.status().name());
		m.put("statusLabel", c.status().label());
		m.put("createdAt", c.createdAt().toString());
		m.put("submittedAt", c.submittedAt() == null ? null : c.submittedAt().toString());
		m.put("completedAt", completedAt.toString());
		m.put("retentionYears", retentionYears);
		List<Map<String, Object>> materials = new ArrayList<>();
		for (CaseMaterial mat : c.materials()) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("material", mat.material());
			x.put("filename", mat.filename());
			x.put("mediaType", mat.mediaType());
			x.put("size", mat.size());
			x.put("sha256", mat.sha256());
			x.put("uploadedAt", mat.uploadedAt().toString());
			materials.add(x);
		}
		m.put("materials", materials);
		List<Map<String, Object>> paper = new ArrayList<>();
		for (var p : c.paperMaterials()) {
			Map<String, Object> x = new LinkedHashMap<>();
			x.put("material", p.material());
			x.put("receivedBy", p.receivedBy());
			x.put("receivedAt", p.receivedAt().toString());
			paper.add(x);
		}
		m.put("paperMaterials", paper);
		if (c.commitmentText() != null) {
			Map<String, Object> commitment = new LinkedHashMap<>();
			commitment.put("file", "metadata/commitment.txt");
			commitment.put("sm3", c.commitmentSm3());
			commitment.put("verificationDue", c.verificationDue() == null ? null : c.verificationDue().toString());
			commitment.put("statement", c.statement());
			m.put("noticeCommitment", commitment);
		}
		return m;
	}

	private static List<Map<String, Object>> events(Case c) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (TimelineEntry t : c.timeline()) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("status", t.status().name());
			e.put("statusLabel", t.statusLabel());
			e.put("action", t.action());
			e.put("actionLabel", t.actionLabel());
			e.put("actor", t.actor());
			e.put("at", t.at().toString());
			e.put("reason", t.reason());
			list.add(e);
		}
		return list;
	}

	private static PdfDocuments.Doc summary(Case c, Instant completedAt) {
		Applicant a = c.applicant();
		List<Map.Entry<String, String>> rows = new ArrayList<>();
		rows.add(Map.entry("办件编号", c.id().toString()));
		rows.add(Map.entry("事项", c.itemName() + "（" + c.itemCode() + "）"));
		rows.add(Map.entry("办理情形", c.situationName()));
		rows.add(Map.entry("办事指南版本", "第 " + c.guideVersion() + " 版"));
		rows.add(Map.entry("申请人", a.name() + (a.agentName() == null ? "" : "（经办人：" + a.agentName() + "）")));
		rows.add(Map.entry(a.kind() == Applicant.Kind.ENTERPRISE ? "统一社会信用代码"
				: a.idType() == org.tongban.shared.IdDocumentType.RESIDENT_ID ? "身份证号" : a.idNumberLabel(),
				a.kind() == Applicant.Kind.PERSON ? a.idNumber() : a.uscc()));
		rows.add(Map.entry("办理渠道", c.channel().label()));
		rows.add(Map.entry("办结状态", c.status().label()));
		rows.add(Map.entry("创建时间", PdfDocuments.time(c.createdAt())));
		rows.add(Map.entry("提交时间", PdfDocuments.time(c.submittedAt())));
		rows.add(Map.entry("办结时间", PdfDocuments.time(completedAt)));
		// a table field (a staff or equipment list) prints a row of the summary per row of the table
		new TreeMap<>(c.form()).forEach((k, v) -> {
			List<String> lines = v != null && v.startsWith("[") ? org.tongban.cases.FormTables.lines(v) : List.of(v);
			lines.forEach(line -> rows.add(Map.entry("申请表：" + k, line)));
		});
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("申请材料：");
		int n = 1;
		for (CaseMaterial m : c.materials()) {
			paragraphs.add(n++ + ". " + m.material() + " — " + m.filename() + "（" + m.size() + " 字节）");
		}
		paragraphs.add("办理过程：");
		for (TimelineEntry t : c.timeline()) {
			paragraphs.add(PdfDocuments.time(t.at()) + " " + t.actionLabel() + "（" + t.actor() + "）"
					+ (t.reason() == null ? "" : "：" + t.reason()));
		}
		return new PdfDocuments.Doc("办件归档摘要", rows, paragraphs);
	}

	/** A material's file name inside the package: no directories, no control characters. */
	static String safeName(String filename) {
		String name = filename == null ? "material" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
		return name.isEmpty() ? "material" : name;
	}
}
