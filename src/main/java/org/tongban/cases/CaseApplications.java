package org.tongban.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.InputStreamSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.ItemType;
import org.tongban.guidance.IdentityCheck;
import org.tongban.identity.AccessLog;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.FileStore;
import org.tongban.shared.Problem;
import org.tongban.shared.StoredFile;
import org.tongban.shared.Uploads;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applying: drafts, materials, idempotent submission, withdrawal. Only the owning account sees a case;
 * anyone else is told it does not exist, so case ids cannot be probed.
 */
@Service
public class CaseApplications {

	/** All materials of one case together; generous for scans, small enough to keep storage predictable. */
	public static final long MAX_CASE_BYTES = 100L * 1024 * 1024;


	private final Cases cases;
	private final Catalogue catalogue;
	private final FileStore files;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final JsonMapper json;
	private final Clock clock;
	private final TimeLimits limits;
	private final CaseHandling work;
	private final AccountManagement accounts;
	private final IdentityCheck identities;
	private final AccessLog accessLog;
	private final org.springframework.beans.factory.ObjectProvider<HeldLicences> heldLicences;

	CaseApplications(Cases cases, Catalogue catalogue, FileStore files, AuditTrail audit,
			ApplicationEventPublisher events, JsonMapper json, Clock clock, TimeLimits limits, CaseHandling work,
			AccountManagement accounts, IdentityCheck identities, AccessLog accessLog,
			org.springframework.beans.factory.ObjectProvider<HeldLicences> heldLicences) {
		this.heldLicences = heldLicences;
		this.accessLog = accessLog;
		this.limits = limits;
		this.work = work;
		this.accounts = accounts;
		this.identities = identities;
		this.cases = cases;
		this.catalogue = catalogue;
		this.files = files;
		this.audit = audit;
		this.events = events;
		this.json = json;
		this.clock = clock;
	}

	/** The result of an idempotent submission: {@code created} false when the key was seen before. */
	public record Submission(CaseReceipt receipt, boolean created) {
	}

	/**
	 * Creates and submits a case in one step. The same key from the same account returns the first case;
	 * the same key with a different request is refused (422).
	 */
	@Transactional
	public Submission apply(SignedInUser me, String idempotencyKey, NewCase request) {
		return apply(me, idempotencyKey, request, Map.of());
	}

	/**
	 * As {@link #apply(SignedInUser, String, NewCase)} with the materials' files (name → content) attached to
	 * the draft before it is submitted, all in one transaction; the demo data applies this way.
	 */
	@Transactional
	Submission apply(SignedInUser me, String idempotencyKey, NewCase request, Map<String, byte[]> files) {
		return apply(me, idempotencyKey, request, files.entrySet().stream()
			.map(f -> new CaseSubmissions.Attachment(f.getKey(), f.getKey() + ".pdf", f.getValue())).toList());
	}

	@Transactional
	Submission apply(SignedInUser me, String idempotencyKey, NewCase request,
			List<CaseSubmissions.Attachment> attachments) {
		String key = requireKey(idempotencyKey);
		mayApply(me);
		return submitted(me.username(), key, validated(me, request, null, true), request, attachments);
	}

	/**
	 * A part of an application made to another authority (一业一证 cooperating industries) that the lead authority's
	 * system hands over: checked like a window case (the applicant is named, not signed in), then submitted under
	 * {@code partner}'s key; it belongs to the applicant's account when one exists.
	 */
	@Transactional
	Submission receiveFromPartner(String partner, String idempotencyKey, NewCase request,
			List<CaseSubmissions.Attachment> attachments) {
		String key = requireKey(idempotencyKey);
		Drafted drafted = validated(null, request, null, true, Channel.PARTNER);
		return submitted("partner:" + partner, key, drafted, request, attachments);
	}

	private Submission submitted(String claimant, String key, Drafted drafted, NewCase request,
			List<CaseSubmissions.Attachment> attachments) {
		Case draft = drafted.draft();
		ApplicationForm.requireContact(draft.form());
		String hash = hash(request);
		var earlier = cases.claim(claimant, key, hash, draft.id(), now());
		if (earlier.isPresent()) {
			if (!earlier.get().requestHash().equals(hash)) {
				throw Problem.unprocessable("idempotency-key-reused", "幂等键已被使用",
						"该 Idempotency-Key 已用于另一份不同的申请，请为新的申请使用新的键。", List.of());
			}
			Case first = cases.find(earlier.get().caseId()).orElseThrow();
			return new Submission(receipt(first), false);
		}
		// drafted and submitted in one go: nobody ever saw the draft, so one write and one audit entry
		attachments.forEach(a -> attach(draft, a.material(), a.filename(), a.content().length,
				new org.springframework.core.io.ByteArrayResource(a.content())));
		submit(draft, claimant, drafted.materials());
		return new Submission(receipt(draft), true);
	}

	/** Starts a draft for the application page; the form may be empty. */
	@Transactional
	public Case startDraft(SignedInUser me, NewCase request) {
		mayApply(me);
		Case draft = validated(me, request, null, false).draft();
		record(draft, "case.drafted", null);
		return draft;
	}

	/**
	 * The window channel (线上线下一体化): a clerk opens a draft for a walk-in applicant after checking the
	 * ID card against the name, scans the materials into it and submits it; from there it follows exactly
	 * the process of an online case. The case belongs to the applicant's account when there is one.
	 */
	@Transactional
	public Case openAtWindow(SignedInUser clerk, NewCase request, boolean identityChecked) {
		if (!clerk.has(Role.CLERK)) {
			throw Problem.forbidden("只有窗口受理人员可以窗口收件。");
		}
		if (!identityChecked) {
			throw Problem.invalid("identityChecked", "请先核验申请人（或经办人）的身份证件原件，并确认姓名与证件号码一致。");
		}
		Case draft = validated(clerk, request, clerk.username(), false).draft();
		Applicant a = draft.applicant();
		// the population register knows resident ID numbers only
		var matches = a.kind() == Applicant.Kind.ENTERPRISE ? identities.enterpriseNameMatches(a.uscc(), a.name())
				: a.idType() == org.tongban.shared.IdDocumentType.RESIDENT_ID
						? identities.personNameMatches(a.idNumber(), a.name()) : Optional.<Boolean>empty();
		if (matches.isPresent() && !matches.get()) {
			throw Problem.invalid("applicant.name", a.kind() == Applicant.Kind.PERSON ? "姓名与身份证号在人口库中的登记不一致，请核对证件。"
					: "单位名称与统一社会信用代码在法人库中的登记不一致，请核对营业执照。");
		}
		// a licence named at the window is checked now, beside its field, not only when the case is submitted
		requireHeldLicence(draft);
		record(draft, "case.opened-at-window", null);
		return draft;
	}

	@Transactional
	public Case saveForm(SignedInUser me, CaseId id, Map<String, Object> form) {
		Case c = owned(me, id, true);
		Map<String, String> parsed = ApplicationForm.parse(form, ItemForms.tables(
				catalogue.version(c.itemCode(), c.guideVersion()).orElseThrow().formFor(c.situation())));
		requireForm(c.itemCode(), c.guideVersion(), c.situation(), parsed, false);
		c.updateForm(parsed);
		cases.save(c);
		return c;
	}

	/** Adds an upload to a draft: a material named in the situation's list, PDF/JPG/PNG/OFD by content. */
	@Transactional
	public CaseMaterial addMaterial(SignedInUser me, CaseId id, String material, String filename, long size,
			InputStreamSource content) {
		Case c = owned(me, id, true);
		if (c.status() != CaseStatus.DRAFT && c.status() != CaseStatus.CORRECTION_REQUESTED) {
			throw Problem.conflict("办件已" + c.status().label() + "，不能再上传材料。");
		}
		CaseMaterial added = attach(c, material, filename, size, content);
		cases.save(c);
		audit.record("case.material-added", "case", c.id(), Map.of(), Map.of("material", material, "sha256",
				added.sha256(), "size", added.size()));
		return added;
	}

	/**
	 * A form filled in with the sample values of the live guide's form definition for the situation (empty when it
	 * defines none), with {@code values} over them: what the demo data submits.
	 */
	public Map<String, Object> sampleForm(String itemCode, String situation, Map<String, String> values) {
		Map<String, Object> form = new LinkedHashMap<>(
				ItemForms.samples(catalogue.published(itemCode).orElseThrow().formFor(situation)));
		form.putAll(values);
		return form;
	}

	/** The required materials of a situation that must be uploaded (not held by the authority), by name. */
	public List<String> requiredUploads(String itemCode, String situation) {
		Guide guide = catalogue.published(itemCode).orElseThrow();
		GuideContent.Situation s = guide.situation(situation);
		return s == null || s.materials() == null ? List.of() : s.materials().stream()
				.filter(m -> Boolean.TRUE.equals(m.required()) && (m.heldBy() == null || m.heldBy().isBlank()))
				.map(GuideContent.Material::name).toList();
	}

	/** Checks an upload against the situation's list and its type and size, stores it and adds it to the case. */
	private CaseMaterial attach(Case c, String material, String filename, long size, InputStreamSource content) {
		GuideContent.Material listed = materials(c).stream()
				.filter(m -> m.name().equals(material)).findFirst()
				.orElseThrow(() -> Problem.invalid("material", "“" + material + "”不是本情形需要提交的材料。"));
		if (listed.heldBy() != null && !listed.heldBy().isBlank()) {
			throw Problem.invalid("material", "“" + material + "”免提交（由" + listed.heldBy() + "共享获取），无需上传。");
		}
		String type = Uploads.check("file", filename, size, content, Uploads.APPLICATION_MATERIALS);
		if (c.materialBytes() + size > MAX_CASE_BYTES) {
			throw new Problem(HttpStatus.CONTENT_TOO_LARGE, "case-materials-too-large", "材料总量超出限制",
					"一件办件的材料合计不能超过 100 MB，本次上传后将超出限制，请压缩后重新上传。",
					List.of(new FieldMessage("file", "材料合计超过 100 MB")));
		}
		StoredFile stored;
		try (var in = content.getInputStream()) {
			stored = files.put(in);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		String name = filename == null || filename.isBlank() ? material : filename.strip();
		CaseMaterial added = new CaseMaterial(UUID.randomUUID(), material, name, type, stored.sha256(),
				stored.size(), now());
		c.addMaterial(added);
		return added;
	}

	/** Submits a draft; a replayed form token (the same key) returns the first result. */
	@Transactional
	public Submission submitDraft(SignedInUser me, CaseId id, String idempotencyKey) {
		String key = requireKey(idempotencyKey);
		Case c = owned(me, id, true);
		ApplicationForm.requireContact(c.form());
		requireForm(c.itemCode(), c.guideVersion(), c.situation(), c.form(), true);
		var earlier = cases.claim(me.username(), key, "submit:" + id, id, now());
		if (earlier.isPresent()) {
			if (!earlier.get().requestHash().equals("submit:" + id)) {
				throw Problem.unprocessable("idempotency-key-reused", "幂等键已被使用",
						"该表单令牌已用于另一份申请，请刷新页面后重新提交。", List.of());
			}
			return new Submission(receipt(c), false);
		}
		submit(c, me.username(), materials(c));
		return new Submission(receipt(c), true);
	}

	/**
	 * What submitting the draft now would refuse, without submitting it: the same problems {@link #submitDraft}
	 * gives (not a draft, no contact, a licence not held, missing materials), so the confirmation is asked only of
	 * a draft that can be submitted.
	 */
	@Transactional(readOnly = true)
	public Case checkSubmittable(SignedInUser me, CaseId id) {
		Case c = owned(me, id, false);
		if (c.status() != CaseStatus.DRAFT) {
			throw Problem.conflict("办件已" + c.status().label() + "，不能再次提交。");
		}
		ApplicationForm.requireContact(c.form());
		requireForm(c.itemCode(), c.guideVersion(), c.situation(), c.form(), true);
		requireHeldLicence(c);
		requireMaterials(c, materials(c));
		return c;
	}

	@Transactional
	public Case withdraw(SignedInUser me, CaseId id, String reason) {
		checkWithdrawable(owned(me, id, true), reason);
		return work.act(me, id, "withdraw", CaseHandling.ActionRequest.because(reason));
	}

	/** What withdrawing would refuse, without withdrawing: asked before the confirmation. */
	@Transactional(readOnly = true)
	public Case checkWithdrawable(SignedInUser me, CaseId id, String reason) {
		Case c = owned(me, id, false);
		checkWithdrawable(c, reason);
		return c;
	}

	private static void checkWithdrawable(Case c, String reason) {
		if (c.status() == CaseStatus.DRAFT) {
			throw Problem.conflict("草稿尚未提交，无需撤回；不再需要的草稿可以删除。").with("allowed", List.of("delete"));
		}
		if (!c.status().withdrawable()) {
			throw Problem.conflict("办件当前状态为“" + c.status().label() + "”，不能撤回。");
		}
		if (reason == null || reason.isBlank()) {
			throw Problem.invalid("reason", "请填写撤回原因。");
		}
		if (reason.length() > 500) {
			throw Problem.invalid("reason", "撤回原因不能超过 500 字。");
		}
	}

	/**
	 * Deletes a draft the user owns (or, at the window, opened): it was never submitted, so it leaves no case
	 * behind, only the audit record. Anything else is withdrawn, not deleted.
	 */
	@Transactional
	public Case deleteDraft(SignedInUser me, CaseId id) {
		Case c = owned(me, id, true);
		if (c.status() != CaseStatus.DRAFT) {
			throw Problem.conflict("办件已" + c.status().label() + "，不能删除；作出决定前可以撤回申请。");
		}
		cases.deleteDraft(id);
		audit.record("case.draft-deleted", "case", id, Map.of("status", CaseStatus.DRAFT.name()),
				Map.of("itemCode", c.itemCode(), "materials", c.materials().size()));
		return c;
	}

	/** A case within the user's duty ({@link CaseDuty}); for anyone else a 404, as if it did not exist. */
	@Transactional(readOnly = true)
	public Case get(SignedInUser me, CaseId id) {
		return cases.find(id, CaseDuty.of(me, LocalDate.now(clock)), false)
				.orElseThrow(() -> Problem.notFound("未找到该办件。"));
	}

	/** Whether the case is within the user's duty (after an action that may have moved it out of it). */
	@Transactional(readOnly = true)
	public boolean readable(SignedInUser me, CaseId id) {
		return cases.find(id, CaseDuty.of(me, LocalDate.now(clock)), false).isPresent();
	}

	/**
	 * Records in the access log that the case's personal data was shown in full to {@code me} (the applicant's own
	 * views are not recorded: it is their data). The case must have been read through {@link #get}.
	 */
	public void shown(SignedInUser me, Case c, String purpose) {
		if (c.applicant().owner().equals(me.username())) {
			return;
		}
		Applicant a = c.applicant();
		List<String> fields = new ArrayList<>();
		fields.add("申请人姓名");
		if (a.idNumber() != null) {
			fields.add(a.idNumberLabel());
		}
		if (a.uscc() != null) {
			fields.add("统一社会信用代码");
		}
		if (a.agentName() != null) {
			fields.add("经办人姓名");
		}
		if (c.form().containsKey("phone")) {
			fields.add("联系电话");
		}
		if (c.form().containsKey("address")) {
			fields.add("地址");
		}
		accessLog.viewed(me.username(), "case", c.id(), String.join("、", fields), purpose);
	}

	/** An uploaded material and its content. */
	public record MaterialFile(CaseMaterial material, java.io.InputStream content) {
	}

	/** A material of a case within the user's duty (uploaded materials follow the case); otherwise 404. */
	@Transactional(readOnly = true)
	public MaterialFile material(SignedInUser me, CaseId id, UUID materialId) {
		Case c = get(me, id);
		CaseMaterial m = c.materials().stream().filter(x -> x.id().equals(materialId)).findFirst()
				.orElseThrow(() -> Problem.notFound("未找到该材料。"));
		if (!c.applicant().owner().equals(me.username())) {
			accessLog.viewed(me.username(), "case", c.id(), "申请材料“" + m.material() + "”", "下载申请材料");
		}
		return new MaterialFile(m, files.open(m.sha256()));
	}

	@Transactional(readOnly = true)
	public List<CaseSummary> mine(SignedInUser me) {
		return cases.mine(me.username());
	}

	/** The materials of the case's situation in the guide version it was started under. */
	public List<GuideContent.Material> materials(Case c) {
		Guide guide = catalogue.version(c.itemCode(), c.guideVersion()).orElseThrow();
		GuideContent.Situation s = guide.situation(c.situation());
		return s == null || s.materials() == null ? List.of() : s.materials();
	}

	/**
	 * The applicant's case, a window draft for the clerk who opened it, or a window case waiting for
	 * corrections for any clerk (the applicant brings them to the counter); for anyone else a 404.
	 */
	Case owned(SignedInUser me, CaseId id, boolean lock) {
		return (lock ? cases.lock(id) : cases.find(id))
				.filter(c -> c.applicant().owner().equals(me.username())
						|| c.status() == CaseStatus.DRAFT && me.username().equals(c.openedBy())
						|| c.status() == CaseStatus.CORRECTION_REQUESTED && c.channel() == Channel.WINDOW
								&& me.has(Role.CLERK))
				.orElseThrow(() -> Problem.notFound("未找到该办件。"));
	}

	/**
	 * Submits a draft: the acceptance clock (five working days, art. 32) starts on the day of receipt and the
	 * case waits for the window; a notice-commitment case is granted at once.
	 */
	private void submit(Case c, String actor, List<GuideContent.Material> listed) {
		requireHeldLicence(c);
		requireMaterials(c, listed);
		c.submit(actor, now());
		if (c.noticeCommitment()) {
			record(c, "case.submitted", CaseStatus.DRAFT);
			work.grantOnCommitment(c);
			return;
		}
		limits.received(c.handling, LocalDate.now(clock));
		work.awaitAcceptance(c);
		record(c, "case.submitted", CaseStatus.DRAFT);
	}

	/**
	 * A change, renewal, cancellation or reissue that names a licence (form field {@code licenceNumber}) names
	 * one the applicant holds, of this item, neither revoked nor cancelled; otherwise 400 naming the field. One
	 * that names none acts on a licence outside the register (a paper certificate) and changes nothing in it.
	 */
	private void requireHeldLicence(Case c) {
		HeldLicences held = heldLicences.getIfAvailable();
		String number = c.form().get(HeldLicences.FIELD);
		if (held == null || number == null || number.isBlank()
				|| !held.actsOnHeldLicence(c.itemCode(), c.situation(), c.situationName())) {
			return;
		}
		Applicant a = c.applicant();
		held.refusal(a.kind(), a.kind() == Applicant.Kind.PERSON ? a.idNumber() : a.uscc(), c.itemCode(), number)
			.ifPresent(message -> {
				// the port speaks to an applicant online; at the window the clerk reads it about the applicant
				throw Problem.invalid("form." + HeldLicences.FIELD,
						c.channel() == Channel.WINDOW ? message.replace("您", "申请人") : message);
			});
	}

	/**
	 * Every required material of the situation's list is uploaded, received on paper at the window, or held by
	 * the authority already (免提交); otherwise 400 naming each missing one. Conditional materials (needed only
	 * in the circumstances the guide names) are left to the acceptance check, as the applicant alone knows.
	 */
	private void requireMaterials(Case c, List<GuideContent.Material> listed) {
		java.util.Set<String> provided = new java.util.HashSet<>();
		c.materials().forEach(m -> provided.add(m.material()));
		c.paperMaterials().forEach(p -> provided.add(p.material()));
		List<String> missing = listed.stream()
				.filter(m -> Boolean.TRUE.equals(m.required()) && (m.heldBy() == null || m.heldBy().isBlank())
						&& !provided.contains(m.name()))
				.map(GuideContent.Material::name).toList();
		if (!missing.isEmpty()) {
			String how = c.channel() == Channel.WINDOW ? "请上传扫描件或登记收取的纸质原件后再提交。" : "请上传后再提交。";
			throw new Problem(HttpStatus.BAD_REQUEST, "materials-missing", "申请材料不齐全",
					"还有 " + missing.size() + " 项必需材料未提交：“" + String.join("”、“", missing) + "”。" + how,
					missing.stream().map(name -> new FieldMessage("materials", "缺少必需材料“" + name + "”，" + how)).toList());
		}
	}

	/** The window clerk records that the applicant handed in a material as a paper original. */
	@Transactional
	public Case receivePaper(SignedInUser clerk, CaseId id, String material) {
		if (!clerk.has(Role.CLERK)) {
			throw Problem.forbidden("只有窗口受理人员可以登记收取纸质原件。");
		}
		Case c = owned(clerk, id, true);
		GuideContent.Material listed = materials(c).stream().filter(m -> m.name().equals(material)).findFirst()
				.orElseThrow(() -> Problem.invalid("material", "“" + material + "”不是本情形需要提交的材料。"));
		c.receivePaper(new PaperMaterial(listed.name(), clerk.username(), now()));
		cases.save(c);
		audit.record("case.paper-received", "case", c.id(), Map.of(), Map.of("material", listed.name()));
		return c;
	}

	private void record(Case c, String action, CaseStatus before) {
		cases.save(c);
		c.takeEvents().forEach(events::publishEvent);
		audit.record(action, "case", c.id(), before == null ? Map.of() : Map.of("status", before.name()),
				Map.of("status", c.status().name(), "itemCode", c.itemCode(), "guideVersion", c.guideVersion()));
	}

	private static void mayApply(SignedInUser me) {
		if (me.isStaff() || !(me.has(Role.CITIZEN) || me.has(Role.ENTERPRISE))) {
			throw Problem.forbidden("工作人员账户不能在线申请办件，请使用个人或企业办事人账户。");
		}
	}

	private static String requireKey(String key) {
		if (key == null || key.isBlank()) {
			throw Problem.invalid("Idempotency-Key", "提交申请时必须提供 Idempotency-Key 请求头，以免重复提交。");
		}
		if (key.length() > 200) {
			throw Problem.invalid("Idempotency-Key", "Idempotency-Key 不能超过 200 个字符。");
		}
		return key.strip();
	}

	/**
	 * The form against the form definition of the guide version the case was started under (items whose guide
	 * defines none take any text, as before); {@code complete} also asks for the required fields.
	 */
	private void requireForm(String itemCode, int guideVersion, String situation, Map<String, String> form,
			boolean complete) {
		Guide guide = catalogue.version(itemCode, guideVersion).orElseThrow();
		List<FieldMessage> errors = ItemForms.check(guide.formFor(situation), form, complete);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
	}

	/** A draft not yet saved, with its situation's material list (read once, with the guide). */
	private record Drafted(Case draft, List<GuideContent.Material> materials) {
	}

	/** Checks item, situation, applicant and form; returns an unsaved draft. {@code clerk} opens a window case. */
	private Drafted validated(SignedInUser me, NewCase request, String clerk, boolean complete) {
		return validated(me, request, clerk, complete, clerk == null ? Channel.ONLINE : Channel.WINDOW);
	}

	private Drafted validated(SignedInUser me, NewCase request, String clerk, boolean complete, Channel channel) {
		if (request == null || request.itemCode() == null || request.itemCode().isBlank()) {
			throw Problem.invalid("itemCode", "请填写事项编码。");
		}
		Guide guide = catalogue.published(request.itemCode())
				.orElseThrow(() -> Problem.notFound("未找到事项编码为“" + request.itemCode() + "”的政务服务事项。"));
		if (request.guideVersion() != null && request.guideVersion() != guide.version()) {
			throw new Problem(HttpStatus.CONFLICT, "stale-guide-version", "办事指南已更新",
					"“" + guide.name() + "”的办事指南已更新为第 " + guide.version() + " 版（您填写时为第 " + request.guideVersion()
							+ " 版），材料或条件可能有变化，请按新版指南重新填写。", List.of())
					.with("currentGuideVersion", guide.version());
		}
		GuideContent.Situation situation = request.situation() == null ? null : guide.situation(request.situation());
		if (situation == null) {
			throw Problem.invalid("situation", "办理情形“" + request.situation() + "”不属于事项“" + guide.name() + "”。");
		}
		List<FieldMessage> errors = new ArrayList<>();
		Applicant applicant = channel == Channel.ONLINE ? ApplicantCheck.check(me, request.applicant(), errors)
				: ApplicantCheck.atWindow(request.applicant(), ApplicantKinds.servedBy(guide), errors,
						accounts::applicantUsername);
		boolean commitment = Boolean.TRUE.equals(request.commitment());
		if (commitment && !guide.offersCommitment(situation.code())) {
			errors.add(new FieldMessage("commitment", guide.noticeCommitment() == null
					|| !Boolean.TRUE.equals(guide.noticeCommitment().applies())
							? "事项“" + guide.name() + "”不实行告知承诺制，请按一般程序申请。"
							: Boolean.TRUE.equals(situation.onSiteCheckBeforeDecision())
									? "“" + situation.name() + "”须在作出决定前现场核查，不适用告知承诺制，请按一般程序申请。"
									: "办理情形“" + situation.name() + "”不适用告知承诺制，请按一般程序申请。"));
		}
		Map<String, String> form = new LinkedHashMap<>();
		try {
			form = ApplicationForm.parse(request.form(), ItemForms.tables(guide.formFor(situation.code())));
			errors.addAll(ItemForms.check(guide.formFor(situation.code()), form, complete));
		}
		catch (Problem p) {
			errors.addAll(p.errors());
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Case.Handling h = new Case.Handling();
		h.processKey = guide.immediate() ? "case-immediate" : commitment ? "case-commitment" : "case-standard";
		h.noticeCommitment = commitment && !guide.immediate();
		if (h.noticeCommitment) {
			h.commitmentText = guide.noticeCommitment().statement();
			h.commitmentSm3 = org.tongban.shared.Sm3.hex(h.commitmentText);
			h.verificationDays = guide.noticeCommitment().verificationDays();
		}
		h.fourEyes = guide.type() == ItemType.LICENSING && "case-standard".equals(h.processKey);
		h.division = guide.division();
		limitRules(h, guide, situation);
		h.openedBy = clerk;
		return new Drafted(Case.draft(guide.code(), guide.name(), situation.code(), situation.name(), guide.version(),
				applicant, channel, form, h, now()),
				situation.materials() == null ? List.of() : situation.materials());
	}

	/**
	 * The time-limit rules of the situation, else of the item: limits, when they start counting, the one
	 * extension (art. 42's ten days on its own twenty, otherwise only what the guide names), on-site checks.
	 */
	private static void limitRules(Case.Handling h, Guide guide, GuideContent.Situation situation) {
		GuideContent.TimeLimitRules rules = guide.timeLimits();
		h.promisedDays = guide.immediate() ? 0
				: situation.promisedDays() != null ? situation.promisedDays() : guide.promisedDays();
		h.statutoryDays = situation.statutoryDays() != null ? situation.statutoryDays() : guide.statutoryDays();
		String countFrom = situation.countFrom() != null ? situation.countFrom()
				: rules != null && rules.countFrom() != null ? rules.countFrom() : null;
		h.countFrom = countFrom == null ? Case.CountFrom.ACCEPTANCE : Case.CountFrom.valueOf(countFrom);
		boolean ownRule = situation.statutoryDays() != null;
		if (rules != null && rules.extension() != null && !ownRule) {
			h.extensionDays = rules.extension().days() == null ? 0 : rules.extension().days();
		}
		else {
			h.extensionDays = java.util.Objects.equals(h.statutoryDays, TimeLimits.ARTICLE_42_DAYS) ? TimeLimits.EXTENSION_DAYS : 0;
		}
		h.onsiteStopsPromised = rules != null && Boolean.TRUE.equals(rules.onSiteCheckStopsPromisedClock());
	}

	private String hash(NewCase request) {
		Map<String, Object> canonical = new TreeMap<>();
		canonical.put("itemCode", request.itemCode());
		canonical.put("situation", request.situation());
		canonical.put("applicant", request.applicant());
		canonical.put("form", request.form() == null ? Map.of() : new TreeMap<>(request.form()));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
					.digest(json.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static CaseReceipt receipt(Case c) {
		return new CaseReceipt(c.id().value(), c.status(), c.deadline(), c.number(), c.queryCode());
	}

	private Instant now() {
		return clock.instant();
	}
}
