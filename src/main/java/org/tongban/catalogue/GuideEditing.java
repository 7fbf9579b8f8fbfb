package org.tongban.catalogue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import tools.jackson.databind.json.JsonMapper;

/**
 * Changes guides: draft → review → publish by a second person, or back to draft with a reason; and marks laws
 * amended or repealed. The live version is never touched by editing: a draft is a new version of its own.
 */
@Service
@Transactional
public class GuideEditing {

	private static final String SUBJECT = "catalogue.guide";

	private final CatalogueStore store;
	private final Catalogue catalogue;
	private final ApplicationEventPublisher events;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final GuideFiles guideFiles;

	GuideEditing(CatalogueStore store, Catalogue catalogue, ApplicationEventPublisher events, AuditTrail audit,
			JsonMapper json, GuideFiles guideFiles) {
		this.guideFiles = guideFiles;
		this.store = store;
		this.catalogue = catalogue;
		this.events = events;
		this.audit = audit;
		this.json = json;
	}

	/** Starts a new version from the published one; an item has at most one version in the works. */
	public Guide createDraft(SignedInUser me, String code) {
		return createDraft(me, code, null);
	}

	/** Starts a new version as {@link #createDraft(SignedInUser, String)}, with a note in the audit on why. */
	public Guide createDraft(SignedInUser me, String code, String note) {
		CatalogueStore.Item item = store.itemForUpdate(code).orElseThrow(() -> Catalogue.unknown(code));
		mustEdit(me, item);
		store.openVersion(code).ifPresent(open -> {
			throw Problem.conflict("事项“" + item.name() + "”已有第 " + open.version() + " 版" + open.status().label()
					+ "，请在其基础上继续编辑。");
		});
		CatalogueStore.Row live = store.guide(code, item.publishedVersion()).orElseThrow();
		int version = store.nextVersion(code);
		store.insertGuide(code, version, GuideStatus.DRAFT, live.content(), me.username(), null);
		guideFiles.copyToDraft(code, live.version(), version);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("version", version);
		after.put("status", GuideStatus.DRAFT.name());
		after.put("from", live.version());
		if (note != null && !note.isBlank()) {
			after.put("note", note.strip());
		}
		audit.record("catalogue.guide.draft-created", SUBJECT, code + "/v" + version, null, after);
		return guide(item, version);
	}

	/** Saves a draft's content: sanitised, then checked; when anything is wrong nothing is saved. */
	public Guide updateDraft(SignedInUser me, String code, int version, GuideContent content) {
		CatalogueStore.Item item = store.item(code).orElseThrow(() -> Catalogue.unknown(code));
		mustEdit(me, item);
		CatalogueStore.Row row = row(code, version);
		mustBe(row, GuideStatus.DRAFT, "只有草稿可以修改");
		if (content == null) {
			throw Problem.invalid("", "请提交办事指南内容。");
		}
		GuideContent clean = Sanitiser.clean(content, json);
		mustBeValid(clean);
		List<GuideDiff.Change> changes = GuideDiffer.diff(row.content(), clean, json);
		store.updateDraft(code, version, clean);
		audit.record("catalogue.guide.draft-updated", SUBJECT, code + "/v" + version, null,
				Map.of("version", version, "changedFields",
						changes.stream().map(GuideDiff.Change::path).limit(100).toList()));
		return guide(item, version);
	}

	/** Hands a draft to the reviewers. */
	public Guide submit(SignedInUser me, String code, int version) {
		CatalogueStore.Item item = store.item(code).orElseThrow(() -> Catalogue.unknown(code));
		mustEdit(me, item);
		CatalogueStore.Row row = row(code, version);
		mustBe(row, GuideStatus.DRAFT, "只有草稿可以提交审核");
		mustBeValid(row.content());
		store.changeStatus(code, version, GuideStatus.IN_REVIEW, null, null);
		transition(code, version, GuideStatus.DRAFT, GuideStatus.IN_REVIEW, Map.of());
		return guide(item, version);
	}

	/** Makes a reviewed version live; the previous one is superseded but stays readable for ever. */
	public Guide publish(SignedInUser me, String code, int version) {
		CatalogueStore.Item item = store.itemForUpdate(code).orElseThrow(() -> Catalogue.unknown(code));
		CatalogueStore.Row row = row(code, version);
		mustReview(me, row);
		mustBe(row, GuideStatus.IN_REVIEW, "只有待审核的版本可以发布");
		mustBeValid(row.content());
		store.changeStatus(code, item.publishedVersion(), GuideStatus.SUPERSEDED, null, null);
		store.changeStatus(code, version, GuideStatus.PUBLISHED, me.username(), null);
		store.markPublished(code, version, row.content().name());
		events.publishEvent(new GuidePublished(code, version));
		transition(code, version, GuideStatus.IN_REVIEW, GuideStatus.PUBLISHED,
				Map.of("superseded", item.publishedVersion()));
		return guide(item, version);
	}

	/** Sends a version back to its author with the reviewer's reason. */
	public Guide reject(SignedInUser me, String code, int version, String reason) {
		CatalogueStore.Item item = store.item(code).orElseThrow(() -> Catalogue.unknown(code));
		CatalogueStore.Row row = row(code, version);
		mustReview(me, row);
		mustBe(row, GuideStatus.IN_REVIEW, "只有待审核的版本可以退回");
		String why = Sanitiser.text(reason);
		if (why == null || why.isBlank()) {
			throw Problem.invalid("reason", "请填写退回理由。");
		}
		store.changeStatus(code, version, GuideStatus.DRAFT, me.username(), why);
		transition(code, version, GuideStatus.IN_REVIEW, GuideStatus.DRAFT, Map.of("reason", why));
		return guide(item, version);
	}

	/** Records that a law was amended or repealed and flags every item whose live guide cites it. */
	public LawStatusChange changeLawStatus(String lawId, LawStatus status, LocalDate date, String note) {
		Law law = store.lawForUpdate(lawId).orElseThrow(() -> Problem.notFound("法规库中没有编号为“" + lawId + "”的法规。"));
		if (status == null || status == LawStatus.CURRENT) {
			throw Problem.invalid("status", "只能将法规标记为已修订（AMENDED）或已废止（REPEALED）。");
		}
		if (date == null) {
			throw Problem.invalid("date", status == LawStatus.AMENDED ? "请填写修订日期。" : "请填写废止日期。");
		}
		LocalDate amended = status == LawStatus.AMENDED ? date : law.amended();
		LocalDate repealed = status == LawStatus.REPEALED ? date : null;
		String cleanNote = note == null || note.isBlank() ? law.note() : Sanitiser.text(note);
		store.updateLaw(lawId, status, amended, repealed, cleanNote);
		String reason = "所引用的《" + law.name() + "》已于 " + date + (status == LawStatus.REPEALED ? " 废止" : " 修订")
				+ "，请核对设定依据后发布新版本。";
		List<String> flagged = store.flagItemsCiting(lawId, reason);
		audit.record("catalogue.law.status-changed", "catalogue.law", lawId,
				Map.of("status", law.status().name()),
				Map.of("status", status.name(), "date", date.toString(), "flaggedItems", flagged));
		flagged.forEach(code -> audit.record("catalogue.item.flagged", "catalogue.item", code, null,
				Map.of("needsReview", true, "reason", reason)));
		Law changed = store.laws().stream().filter(l -> l.id().equals(lawId)).findFirst().orElseThrow();
		return new LawStatusChange(changed, flagged);
	}

	private void mustEdit(SignedInUser me, CatalogueStore.Item item) {
		if (!CatalogueAccess.mayEdit(me, item.division())) {
			throw Problem.forbidden("只有事项“" + item.name() + "”的责任处室工作人员或系统管理员可以编辑办事指南。");
		}
	}

	private void mustReview(SignedInUser me, CatalogueStore.Row row) {
		if (!CatalogueAccess.mayReview(me)) {
			throw Problem.forbidden("只有委领导、系统管理员或规划发展处工作人员可以审核办事指南。");
		}
		if (row.author().equals(me.username())) {
			throw new Problem(HttpStatus.FORBIDDEN, "second-person-required", "需要他人审核",
					"发布需要第二人审核：您是该版本的作者，不能审核或发布自己编写的办事指南。", List.of());
		}
	}

	private static void mustBe(CatalogueStore.Row row, GuideStatus expected, String what) {
		if (row.status() != expected) {
			throw Problem.conflict(what + "；第 " + row.version() + " 版当前状态为“" + row.status().label() + "”。");
		}
	}

	private void mustBeValid(GuideContent content) {
		Set<String> lawIds = store.laws().stream().map(Law::id).collect(Collectors.toSet());
		List<FieldMessage> errors = GuideRules.check(content, lawIds);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
	}

	private CatalogueStore.Row row(String code, int version) {
		return store.guideForUpdate(code, version).orElseThrow(() -> Catalogue.unknownVersion(code, version));
	}

	private Guide guide(CatalogueStore.Item item, int version) {
		CatalogueStore.Item fresh = store.item(item.code()).orElseThrow();
		return catalogue.guide(fresh, store.guide(item.code(), version).orElseThrow());
	}

	private void transition(String code, int version, GuideStatus from, GuideStatus to, Map<String, Object> extra) {
		Map<String, Object> after = new LinkedHashMap<>(extra);
		after.put("status", to.name());
		audit.record("catalogue.guide." + to.name().toLowerCase().replace('_', '-'), SUBJECT, code + "/v" + version,
				Map.of("status", from.name()), after);
	}
}
