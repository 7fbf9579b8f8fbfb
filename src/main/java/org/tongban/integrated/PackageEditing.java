package org.tongban.integrated;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * Changes packages like guides: draft → review → publish by a second person, or back to draft with a reason. The
 * live version is never touched: a draft is a new version; a package that fails the rules is never saved.
 */
@Service
@Transactional
public class PackageEditing {

	private static final String SUBJECT = "integrated.package";

	private final PackageStore store;
	private final IndustryPackages packages;
	private final AuditTrail audit;
	private final tools.jackson.databind.json.JsonMapper json;

	PackageEditing(PackageStore store, IndustryPackages packages, AuditTrail audit,
			tools.jackson.databind.json.JsonMapper json) {
		this.json = PackageStore.lenient(json);
		this.store = store;
		this.packages = packages;
		this.audit = audit;
	}

	/** Every version of a package, newest first (staff). */
	@Transactional(readOnly = true)
	public List<PackageVersion> versions(String code) {
		store.header(code, false).orElseThrow(() -> IndustryPackages.unknown(code));
		return store.versions(code).stream().map(PackageVersion::of).toList();
	}

	/** One version with its editing record (staff). */
	@Transactional(readOnly = true)
	public PackageVersion version(String code, int version) {
		return PackageVersion.of(row(code, version, false));
	}

	/** The drafts and versions waiting for review, newest first. */
	@Transactional(readOnly = true)
	public List<PackageVersion> open() {
		return store.open().stream().map(PackageVersion::of).toList();
	}

	/** Starts a new version from the published one; a package has at most one version in the works. */
	public PackageVersion createDraft(SignedInUser me, String code) {
		PackageStore.Header header = store.header(code, true).orElseThrow(() -> IndustryPackages.unknown(code));
		mustEdit(me, header);
		store.openVersion(code).ifPresent(open -> {
			throw Problem.conflict("行业“" + header.name() + "”已有第 " + open.version() + " 版" + open.status().label()
					+ "，请在其基础上继续编辑。");
		});
		PackageStore.Row live = row(code, header.publishedVersion(), false);
		int version = store.nextVersion(code);
		store.insertVersion(code, version, PackageStatus.DRAFT, PackageStore.withVersion(live.content(), version),
				me.username(), null);
		audit.record("integrated.package.draft-created", SUBJECT, code + "/v" + version, null,
				Map.of("version", version, "status", PackageStatus.DRAFT.name(), "from", live.version()));
		return version(code, version);
	}

	/** As {@link #updateDraft(SignedInUser, String, int, IndustryPackage)} from the JSON a client sent. */
	public PackageVersion updateDraft(SignedInUser me, String code, int version, Map<String, Object> content) {
		if (content == null) {
			throw Problem.invalid("", "请提交行业内容。");
		}
		IndustryPackage parsed;
		try {
			parsed = json.convertValue(content, IndustryPackage.class);
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw Problem.invalid("", "行业内容的结构有误：" + ex.getOriginalMessage());
		}
		return updateDraft(me, code, version, parsed);
	}

	/** Saves a draft's content after checking it; when anything is wrong nothing is saved. */
	public PackageVersion updateDraft(SignedInUser me, String code, int version, IndustryPackage content) {
		PackageStore.Header header = store.header(code, false).orElseThrow(() -> IndustryPackages.unknown(code));
		mustEdit(me, header);
		PackageStore.Row row = row(code, version, true);
		mustBe(row, PackageStatus.DRAFT, "只有草稿可以修改");
		if (content == null) {
			throw Problem.invalid("", "请提交行业内容。");
		}
		if (!code.equals(content.code())) {
			throw Problem.invalid("code", "行业代码不能修改：应为“" + code + "”。");
		}
		if (!header.division().equals(content.division())) {
			throw Problem.invalid("division", "负责处室不能在草稿中修改：应为“" + header.division() + "”。");
		}
		IndustryPackage versioned = PackageStore.withVersion(content, version);
		mustBeValid(versioned);
		store.updateContent(code, version, versioned);
		audit.record("integrated.package.draft-updated", SUBJECT, code + "/v" + version, null,
				Map.of("version", version));
		return version(code, version);
	}

	/** Hands a draft to the reviewers. */
	public PackageVersion submit(SignedInUser me, String code, int version) {
		PackageStore.Header header = store.header(code, false).orElseThrow(() -> IndustryPackages.unknown(code));
		mustEdit(me, header);
		PackageStore.Row row = row(code, version, true);
		mustBe(row, PackageStatus.DRAFT, "只有草稿可以提交审核");
		mustBeValid(row.content());
		store.changeStatus(code, version, PackageStatus.IN_REVIEW, null, null);
		transition(code, version, PackageStatus.DRAFT, PackageStatus.IN_REVIEW, Map.of());
		return version(code, version);
	}

	/** Makes a reviewed version live; the previous one is superseded but stays readable. */
	public PackageVersion publish(SignedInUser me, String code, int version) {
		PackageStore.Header header = store.header(code, true).orElseThrow(() -> IndustryPackages.unknown(code));
		PackageStore.Row row = row(code, version, true);
		mustReview(me, row);
		mustBe(row, PackageStatus.IN_REVIEW, "只有待审核的版本可以发布");
		mustBeValid(row.content());
		store.changeStatus(code, header.publishedVersion(), PackageStatus.SUPERSEDED, null, null);
		store.changeStatus(code, version, PackageStatus.PUBLISHED, me.username(), null);
		store.markPublished(code, version, row.content().name());
		transition(code, version, PackageStatus.IN_REVIEW, PackageStatus.PUBLISHED,
				Map.of("superseded", header.publishedVersion()));
		return version(code, version);
	}

	/** Sends a version back to its author with the reviewer's reason. */
	public PackageVersion reject(SignedInUser me, String code, int version, String reason) {
		store.header(code, false).orElseThrow(() -> IndustryPackages.unknown(code));
		PackageStore.Row row = row(code, version, true);
		mustReview(me, row);
		mustBe(row, PackageStatus.IN_REVIEW, "只有待审核的版本可以退回");
		if (reason == null || reason.isBlank()) {
			throw Problem.invalid("reason", "请填写退回理由。");
		}
		String why = reason.strip();
		store.changeStatus(code, version, PackageStatus.DRAFT, me.username(), why);
		transition(code, version, PackageStatus.IN_REVIEW, PackageStatus.DRAFT, Map.of("reason", why));
		return version(code, version);
	}

	private void mustEdit(SignedInUser me, PackageStore.Header header) {
		if (!IntegratedAccess.mayEdit(me, header.division())) {
			throw Problem.forbidden("只有行业“" + header.name() + "”的负责处室工作人员或系统管理员可以编辑一业一证行业。");
		}
	}

	private static void mustReview(SignedInUser me, PackageStore.Row row) {
		if (!IntegratedAccess.mayReview(me)) {
			throw Problem.forbidden("只有委领导、系统管理员或规划发展处工作人员可以审核一业一证行业。");
		}
		if (row.author().equals(me.username())) {
			throw new Problem(HttpStatus.FORBIDDEN, "second-person-required", "需要他人审核",
					"发布需要第二人审核：您是该版本的作者，不能审核或发布自己编写的行业。", List.of());
		}
	}

	private static void mustBe(PackageStore.Row row, PackageStatus expected, String what) {
		if (row.status() != expected) {
			throw Problem.conflict(what + "；第 " + row.version() + " 版当前状态为“" + row.status().label() + "”。");
		}
	}

	private void mustBeValid(IndustryPackage content) {
		List<FieldMessage> errors = packages.check(content);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
	}

	private PackageStore.Row row(String code, int version, boolean forUpdate) {
		return store.version(code, version, forUpdate).orElseThrow(
				() -> Problem.notFound("行业“" + code + "”没有第 " + version + " 版。"));
	}

	private void transition(String code, int version, PackageStatus from, PackageStatus to, Map<String, Object> extra) {
		Map<String, Object> after = new LinkedHashMap<>(extra);
		after.put("status", to.name());
		audit.record("integrated.package." + to.name().toLowerCase().replace('_', '-'), SUBJECT, code + "/v" + version,
				Map.of("status", from.name()), after);
	}
}
