package org.tongban.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.InputStreamSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.GuideContent;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;

/**
 * Answering a correction notice (补正, 《行政许可法》第三十二条) with files: the notice's items tied to the materials of
 * the situation's list they concern, files that replace earlier ones (which stay in the record, superseded), and
 * what the applicant has changed since the notice, for them before they submit and for the clerk afterwards.
 */
@Service
public class Corrections {

	/** A material of the situation's list that a correction notice names, with what to do about it (optional). */
	public record NoticeMaterial(String material, String note) {
	}

	private final CaseApplications applications;
	private final CaseHandling work;
	private final JdbcClient jdbc;
	private final AuditTrail audit;

	Corrections(CaseApplications applications, CaseHandling work, JdbcClient jdbc, AuditTrail audit) {
		this.applications = applications;
		this.work = work;
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/**
	 * The correction notice: the materials picked from the situation's list (each an item of its own, first) and
	 * the free-text items, told to the applicant at once. The refusals of {@link CaseHandling#act} apply first.
	 */
	@Transactional
	public Case requestCorrection(SignedInUser me, CaseId id, CaseHandling.ActionRequest body) {
		CaseHandling.ActionRequest request = body == null ? CaseHandling.ActionRequest.none() : body;
		Case c = applications.get(me, id);
		if (!work.allowed(me, c).contains(CaseAction.REQUEST_CORRECTION)) {
			return work.act(me, id, CaseAction.REQUEST_CORRECTION.apiName(), request);
		}
		List<CorrectionProgress.Item> items = items(c, request);
		Case after = work.act(me, id, CaseAction.REQUEST_CORRECTION.apiName(), new CaseHandling.ActionRequest(
				request.reason(), items.stream().map(CorrectionProgress.Item::text).toList(), null, null, null));
		for (int i = 0; i < items.size(); i++) {
			CorrectionProgress.Item item = items.get(i);
			jdbc.sql("INSERT INTO cases_correction_item (case_id, position, text, material, note) VALUES (?, ?, ?, ?, ?)")
					.params(after.id().value(), i, item.text(), item.material(), item.note()).update();
		}
		return after;
	}

	/**
	 * Uploads a material; with {@code replaces} the new file supersedes that earlier file of the same material
	 * (the earlier one stays in the record, marked as replaced). Refused as an upload is, and 400 when the file to
	 * replace is not a current file of that material of the case.
	 */
	@Transactional
	public CaseMaterial upload(SignedInUser me, CaseId id, String material, UUID replaces, String filename, long size,
			InputStreamSource content) {
		if (replaces == null) {
			return applications.addMaterial(me, id, material, filename, size, content);
		}
		Case c = applications.owned(me, id, true);
		if (c.status() != CaseStatus.DRAFT && c.status() != CaseStatus.CORRECTION_REQUESTED) {
			throw Problem.conflict("办件已" + c.status().label() + "，不能再上传或替换材料。");
		}
		Set<UUID> superseded = new HashSet<>(replacements(c.id()).values());
		CaseMaterial earlier = c.materials().stream().filter(m -> m.id().equals(replaces) && !superseded.contains(m.id()))
				.findFirst().orElseThrow(() -> Problem.invalid("replaces", "要替换的文件不存在或已被替换，请刷新页面后重试。"));
		if (!earlier.material().equals(material)) {
			throw Problem.invalid("replaces", "要替换的文件属于“" + earlier.material() + "”，不是“" + material + "”。");
		}
		CaseMaterial added = applications.addMaterial(me, id, material, filename, size, content);
		jdbc.sql("UPDATE cases_material SET replaces = ? WHERE id = ? AND case_id = ?")
				.params(earlier.id(), added.id(), c.id().value()).update();
		audit.record("case.material-replaced", "case", c.id(), Map.of("file", earlier.id().toString()),
				Map.of("file", added.id().toString(), "material", material, "sha256", added.sha256()));
		return added;
	}

	/** The notice and what has been done about each item; null when the case never had a correction notice. */
	@Transactional(readOnly = true)
	public CorrectionProgress progress(Case c) {
		TimelineEntry notice = c.timeline().stream().filter(t -> CaseAction.REQUEST_CORRECTION.apiName().equals(t.action()))
				.reduce((first, last) -> last).orElse(null);
		if (notice == null) {
			return null;
		}
		Instant correctedAt = c.timeline().stream()
				.filter(t -> CaseAction.CORRECT.apiName().equals(t.action()) && t.at().isAfter(notice.at()))
				.map(TimelineEntry::at).findFirst().orElse(null);
		Map<UUID, UUID> replacements = replacements(c.id());
		List<CorrectionProgress.Item> tied = jdbc.sql(
				"SELECT text, material, note FROM cases_correction_item WHERE case_id = ? ORDER BY position")
				.param(c.id().value())
				.query((rs, i) -> new CorrectionProgress.Item(rs.getString("text"), rs.getString("material"),
						rs.getString("note"), null, List.of(), List.of()))
				.list();
		// a notice given before the items were stored (or by another path) lists free text only
		List<CorrectionProgress.Item> items = tied.isEmpty() ? notice.items().stream()
				.map(t -> new CorrectionProgress.Item(t, null, null, null, List.of(), List.of())).toList() : tied;
		List<CaseMaterial> answering = c.materials().stream().filter(m -> m.uploadedAt().isAfter(notice.at())).toList();
		Set<UUID> superseded = new HashSet<>(replacements.values());
		List<CorrectionProgress.Item> states = new ArrayList<>();
		Set<String> named = new HashSet<>();
		for (CorrectionProgress.Item item : items) {
			if (item.material() == null) {
				states.add(new CorrectionProgress.Item(item.text(), null, null, CorrectionProgress.State.TEXT, List.of(),
						List.of()));
				continue;
			}
			named.add(item.material());
			List<CaseMaterial> changed = answering.stream().filter(m -> m.material().equals(item.material())).toList();
			List<CaseMaterial> current = c.materials().stream()
					.filter(m -> m.material().equals(item.material()) && !superseded.contains(m.id())).toList();
			CorrectionProgress.State state = changed.isEmpty() ? CorrectionProgress.State.MISSING
					: changed.stream().anyMatch(m -> replacements.containsKey(m.id())) ? CorrectionProgress.State.REPLACED
							: CorrectionProgress.State.NEW;
			states.add(new CorrectionProgress.Item(item.text(), item.material(), item.note(), state, changed, current));
		}
		List<CaseMaterial> extras = answering.stream().filter(m -> !named.contains(m.material())).toList();
		return new CorrectionProgress(notice.at(), notice.reason(), correctedAt, states, extras, replacements,
				answering.stream().map(CaseMaterial::id).collect(java.util.stream.Collectors.toSet()));
	}

	/** Of the given cases, those back at the window after the applicant's correction (补正后重新提交). */
	@Transactional(readOnly = true)
	public Set<UUID> returnedFromCorrection(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("SELECT id FROM cases_case WHERE id::text = ANY(?) AND status = 'SUBMITTED' "
				+ "AND corrections > 0").param(ids.stream().map(UUID::toString).toArray(String[]::new))
				.query((rs, i) -> rs.getObject("id", UUID.class)).list());
	}

	/** New file → the earlier file it replaced, for the case's replacements. */
	private Map<UUID, UUID> replacements(CaseId id) {
		Map<UUID, UUID> replaced = new HashMap<>();
		jdbc.sql("SELECT id, replaces FROM cases_material WHERE case_id = ? AND replaces IS NOT NULL").param(id.value())
				.query(rs -> {
					replaced.put(rs.getObject("id", UUID.class), rs.getObject("replaces", UUID.class));
				});
		return replaced;
	}

	/**
	 * The notice's items: each picked material of the situation's list (not one the authority holds), then the free
	 * text; blank and repeated ones dropped. The number and length of items are checked with the action.
	 */
	private List<CorrectionProgress.Item> items(Case c, CaseHandling.ActionRequest request) {
		List<GuideContent.Material> listed = applications.materials(c);
		List<CorrectionProgress.Item> items = new ArrayList<>();
		Set<String> texts = new LinkedHashSet<>();
		Set<String> materials = new HashSet<>();
		for (NoticeMaterial picked : request.materials() == null ? List.<NoticeMaterial>of() : request.materials()) {
			String name = picked == null || picked.material() == null ? "" : picked.material().strip();
			GuideContent.Material material = listed.stream().filter(m -> m.name().equals(name)).findFirst()
					.orElseThrow(() -> Problem.invalid("materials", "“" + name
							+ "”不是本情形材料清单中的材料，请从清单中选择，或作为其他补正事项填写。"));
			if (material.heldBy() != null && !material.heldBy().isBlank()) {
				throw Problem.invalid("materials", "“" + name + "”免提交（由" + material.heldBy() + "共享获取），不能要求申请人补正。");
			}
			String note = picked.note() == null || picked.note().isBlank() ? null : picked.note().strip();
			String text = note == null ? name : name + "：" + note;
			if (materials.add(name) && texts.add(text)) {
				items.add(new CorrectionProgress.Item(text, name, note, null, List.of(), List.of()));
			}
		}
		for (String free : request.items() == null ? List.<String>of() : request.items()) {
			if (free != null && !free.isBlank() && texts.add(free.strip())) {
				items.add(new CorrectionProgress.Item(free.strip(), null, null, null, List.of(), List.of()));
			}
		}
		return items;
	}
}
