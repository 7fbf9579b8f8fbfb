package org.tongban.integrated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseSubmissions;
import org.tongban.cases.NewCase;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.integrated.IntegratedApplication.Kind;
import org.tongban.integrated.IntegratedApplication.Status;
import org.tongban.integrated.IntegratedApplication.SubCase;
import org.tongban.licences.IntegratedLicensing;
import org.tongban.licences.Licence;
import org.tongban.licences.LicenceStatus;
import org.tongban.licences.Licences;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.Uploads;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一业一证 applications: one questionnaire, one integrated form and one set of documents become one sub-case per
 * underlying item, each an ordinary case handled by its division in parallel, all opened in one transaction (all or
 * none) under one Idempotency-Key. A change, renewal, cancellation or reissue of an integrated licence opens sub-cases
 * only for the permits it touches.
 */
@Service
public class IntegratedApplications {

	/** What the applicant sends for a new integrated licence. */
	public record NewApplication(String packageCode, Map<String, Object> answers, Map<String, Object> form,
			String phone, String applicantName) {
	}

	/** A change ({@code changes}: integrated field → new value), renewal, cancellation or reissue of a licence. */
	public record LifecycleRequest(String licenceNumber, Kind kind, Map<String, Object> changes, String phone) {
	}

	/** One uploaded document. */
	public record Upload(String filename, byte[] content) {
	}

	/** The application, and whether this call created it (false on a replayed key). */
	public record Submitted(IntegratedApplication application, boolean created) {
	}

	/** A document a lifecycle application needs, by the catalogue's name, and the items that need it. */
	public record NeededDocument(String name, List<String> items) {
	}

	private final IndustryPackages packages;
	private final ApplicationStore store;
	private final CaseSubmissions cases;
	private final Catalogue catalogue;
	private final Licences licences;
	private final IntegratedLicensing integratedLicences;
	private final AuditTrail audit;
	private final JsonMapper json;
	private final Clock clock;

	IntegratedApplications(IndustryPackages packages, ApplicationStore store, CaseSubmissions cases,
			Catalogue catalogue, Licences licences, IntegratedLicensing integratedLicences, AuditTrail audit,
			JsonMapper json, Clock clock) {
		this.packages = packages;
		this.store = store;
		this.cases = cases;
		this.catalogue = catalogue;
		this.licences = licences;
		this.integratedLicences = integratedLicences;
		this.audit = audit;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Submits a new integrated application: the answers decide the items, the form is checked as a whole (400 naming
	 * every wrong field), every document the merged list asks for must be uploaded (each once), then one sub-case per
	 * item is opened. The same key returns the first application; the same key with another request is 422.
	 */
	@Transactional
	public Submitted submit(SignedInUser me, String key, NewApplication request, Map<String, Upload> documents) {
		mayApply(me);
		String idempotencyKey = requireKey(key);
		Checked checked = checkNew(me, request, documents);
		IndustryPackage pkg = checked.pkg();
		MergedApplication merged = checked.merged();
		Map<String, String> form = checked.form();
		String phone = checked.phone();
		String name = checked.name();
		Map<String, Upload> docs = checked.docs();
		String hash = hash(Map.of("package", pkg.code(), "answers", new TreeMap<>(merged.answers()), "form",
				new TreeMap<>(form), "phone", phone, "name", name, "documents", digests(docs)));
		UUID id = UUID.randomUUID();
		Map<String, String> applicant = applicant(me, name);
		IntegratedApplication a = new IntegratedApplication(id, pkg.code(), pkg.version(), Kind.NEW, me.username(),
				applicant, merged.answers(), new LinkedHashMap<>(form), phone, Status.IN_PROGRESS, null,
				clock.instant(), null, List.of());
		if (!store.claim(a, idempotencyKey, hash)) {
			return replay(me, idempotencyKey, hash);
		}
		Map<String, Map<String, Object>> parts = packages.split(merged, new LinkedHashMap<>(form));
		int position = 0;
		for (MergedApplication.ApplicableItem item : merged.internalItems()) {
			Map<String, Object> itemForm = new LinkedHashMap<>(parts.getOrDefault(item.itemCode(), Map.of()));
			itemForm.put("phone", phone);
			store.addSubCase(id, open(me, id, position++, item.itemCode(), item.situation(), applicant, itemForm,
					attachments(catalogue, item, merged, docs), merged));
		}
		audit.record("integrated.submitted", "integrated-application", id, Map.of(),
				Map.of("package", pkg.code(), "version", pkg.version(), "subCases", position));
		return new Submitted(store.find(id).orElseThrow(), true);
	}

	/** What a new application's input came to once checked. */
	private record Checked(IndustryPackage pkg, MergedApplication merged, Map<String, String> form, String phone,
			String name, Map<String, Upload> docs) {
	}

	/**
	 * Checks a new application as {@link #submit} would, opening nothing: the pages ask to confirm only what would be
	 * accepted (400 naming every wrong field, 409 for a package applied for elsewhere).
	 */
	@Transactional(readOnly = true)
	public void check(SignedInUser me, NewApplication request, Map<String, Upload> documents) {
		mayApply(me);
		checkNew(me, request, documents);
	}

	private Checked checkNew(SignedInUser me, NewApplication request, Map<String, Upload> documents) {
		if (request == null || request.packageCode() == null || request.packageCode().isBlank()) {
			throw Problem.invalid("packageCode", "请选择一业一证行业。");
		}
		IndustryPackage pkg = packages.published(request.packageCode())
			.orElseThrow(() -> IndustryPackages.unknown(request.packageCode()));
		if (pkg.role() == IndustryPackage.Role.COOPERATING) {
			throw Problem.conflict("“" + pkg.name() + "”由" + pkg.leadAuthority()
					+ "牵头办理，请在牵头部门的系统中提交综合申请，本委的部分将由其转来。");
		}
		MergedApplication merged = packages.merge(pkg, request.answers() == null ? Map.of() : request.answers());
		List<FieldMessage> errors = new ArrayList<>();
		Map<String, String> form = IntegratedForm.check(merged, request.form(), errors);
		String phone = phone(request.phone(), errors);
		String name = request.applicantName() == null ? "" : request.applicantName().strip();
		if (name.isEmpty() || name.length() > 100) {
			errors.add(new FieldMessage("applicantName", "请填写单位名称（与营业执照一致，100 字以内）。"));
		}
		Map<String, Upload> docs = documents == null ? Map.of() : documents;
		for (MergedApplication.MergedMaterial m : merged.materials()) {
			if (held(m.heldBy())) {
				continue;
			}
			Upload u = docs.get(m.code());
			if (u == null || u.content() == null || u.content().length == 0) {
				errors.add(new FieldMessage("documents." + m.code(), "请上传“" + m.name() + "”。"));
			}
			else {
				checkUpload("documents." + m.code(), u, errors);
			}
		}
		for (String code : docs.keySet()) {
			if (merged.materials().stream().noneMatch(m -> m.code().equals(code))) {
				errors.add(new FieldMessage("documents." + code, "“" + code + "”不是本次综合申请需要的材料。"));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return new Checked(pkg, merged, form, phone, name, docs);
	}

	/** The documents a lifecycle application of the licence needs, by the catalogue names of the touched items. */
	@Transactional(readOnly = true)
	public List<NeededDocument> neededDocuments(SignedInUser me, String licenceNumber, Kind kind, Set<String> changed) {
		mayApply(me);
		Licence l = heldIntegrated(me, licenceNumber);
		IntegratedApplication first = issuing(l);
		IndustryPackage pkg = packages.version(first.packageCode(), first.packageVersion()).orElseThrow();
		Map<String, List<String>> byName = new LinkedHashMap<>();
		for (Touched t : touched(pkg, first, kind, changed)) {
			uploadsOf(t.itemCode(), t.situation()).forEach(m -> byName.computeIfAbsent(m, n -> new ArrayList<>()).add(t.itemName()));
		}
		return byName.entrySet().stream().map(e -> new NeededDocument(e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/**
	 * A change, renewal, cancellation or reissue of an integrated licence the applicant holds: sub-cases only for the
	 * permits it touches (a change, those carrying a changed field; a renewal, those with a limited validity; a
	 * cancellation, all; a reissue, the integrated licence itself). A cancelled or revoked licence cannot change (409).
	 */
	@Transactional
	public Submitted act(SignedInUser me, String key, LifecycleRequest request, Map<String, Upload> documents) {
		mayApply(me);
		String idempotencyKey = requireKey(key);
		CheckedAct checked = checkAct(me, request, documents);
		Licence l = checked.licence();
		IntegratedApplication first = checked.first();
		IndustryPackage pkg = checked.pkg();
		MergedApplication merged = checked.merged();
		Map<String, String> changes = checked.changes();
		String phone = checked.phone();
		List<Touched> touched = checked.touched();
		Map<String, Upload> docs = checked.docs();
		String hash = hash(Map.of("licence", l.number(), "kind", request.kind().name(), "changes", new TreeMap<>(changes),
				"phone", phone, "documents", digests(docs)));
		UUID id = UUID.randomUUID();
		IntegratedApplication a = new IntegratedApplication(id, pkg.code(), pkg.version(), request.kind(), me.username(),
				first.applicant(), first.answers(), new LinkedHashMap<>(changes), phone, Status.IN_PROGRESS, l.number(),
				clock.instant(), null, List.of());
		if (!store.claim(a, idempotencyKey, hash)) {
			return replay(me, idempotencyKey, hash);
		}
		// each part's form as first granted, with the changes over it, so the part's case reads whole
		Map<String, Map<String, Object>> before = packages.split(merged, first.form());
		Map<String, Map<String, Object>> split = packages.split(merged, new LinkedHashMap<>(changes));
		Map<String, String> changed = changes;
		String changeItems = String.join("、", merged.fields().stream().filter(f -> changed.containsKey(f.name()))
			.map(MergedApplication.MergedField::label).toList());
		int position = 0;
		for (Touched t : touched) {
			Map<String, Object> itemForm = new LinkedHashMap<>(before.getOrDefault(t.itemCode(), Map.of()));
			itemForm.putAll(split.getOrDefault(t.itemCode(), Map.of()));
			if (!changeItems.isEmpty()) {
				itemForm.put("changeItems", changeItems);
			}
			itemForm.put("phone", phone);
			if (t.licenceNumber() != null) {
				itemForm.put("licenceNumber", t.licenceNumber());
			}
			List<CaseSubmissions.Attachment> attachments = uploadsOf(t.itemCode(), t.situation()).stream()
				.map(n -> new CaseSubmissions.Attachment(n, docs.get(n).filename(), docs.get(n).content())).toList();
			store.addSubCase(id, open(me, id, position++, t.itemCode(), t.situation(), first.applicant(), itemForm,
					attachments, merged));
		}
		audit.record("integrated." + request.kind().name().toLowerCase(java.util.Locale.ROOT), "integrated-application",
				id, Map.of(), Map.of("licence", l.number(), "subCases", position));
		return new Submitted(store.find(id).orElseThrow(), true);
	}

	/** What a lifecycle application's input came to once checked. */
	private record CheckedAct(Licence licence, IntegratedApplication first, IndustryPackage pkg,
			MergedApplication merged, Map<String, String> changes, String phone, List<Touched> touched,
			Map<String, Upload> docs) {
	}

	/** Checks a lifecycle application as {@link #act} would, opening nothing (400, 404 or 409 as {@code act}). */
	@Transactional(readOnly = true)
	public void check(SignedInUser me, LifecycleRequest request, Map<String, Upload> documents) {
		mayApply(me);
		checkAct(me, request, documents);
	}

	private CheckedAct checkAct(SignedInUser me, LifecycleRequest request, Map<String, Upload> documents) {
		if (request == null || request.kind() == null || request.kind() == Kind.NEW) {
			throw Problem.invalid("kind", "请选择变更、延续、注销或补证。");
		}
		Licence l = heldIntegrated(me, request.licenceNumber());
		if (l.storedStatus() == LicenceStatus.CANCELLED || l.storedStatus() == LicenceStatus.REVOKED) {
			throw Problem.conflict("行业综合许可证" + l.number() + "已" + l.storedStatus().label() + "，不能再"
					+ request.kind().label() + "。");
		}
		IntegratedApplication first = issuing(l);
		IndustryPackage pkg = packages.version(first.packageCode(), first.packageVersion()).orElseThrow();
		MergedApplication merged = packages.merge(pkg, first.answers());
		List<FieldMessage> errors = new ArrayList<>();
		Map<String, String> changes = Map.of();
		if (request.kind() == Kind.CHANGE) {
			changes = IntegratedForm.check(onlyChanged(merged), request.changes(), errors);
			if (errors.isEmpty() && changes.isEmpty()) {
				errors.add(new FieldMessage("changes", "请填写要变更的事项及变更后的内容。"));
			}
		}
		if (request.kind() == Kind.RENEW && l.validUntil() == null) {
			throw Problem.conflict("行业综合许可证" + l.number() + "长期有效，无需延续。");
		}
		String phone = phone(request.phone(), errors);
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		List<Touched> touched = touched(pkg, first, request.kind(), changes.keySet());
		if (touched.isEmpty()) {
			throw Problem.invalid("changes", "所填变更不涉及本证载明的任何许可，无需申请。");
		}
		Map<String, Upload> docs = documents == null ? Map.of() : documents;
		Set<String> needed = new LinkedHashSet<>();
		touched.forEach(t -> needed.addAll(uploadsOf(t.itemCode(), t.situation())));
		for (String name : needed) {
			Upload u = docs.get(name);
			if (u == null || u.content() == null || u.content().length == 0) {
				errors.add(new FieldMessage("documents." + name, "请上传“" + name + "”。"));
			}
			else {
				checkUpload("documents." + name, u, errors);
			}
		}
		docs.keySet().stream().filter(n -> !needed.contains(n))
			.forEach(n -> errors.add(new FieldMessage("documents." + n, "“" + n + "”不是本次申请需要的材料。")));
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		return new CheckedAct(l, first, pkg, merged, changes, phone, touched, docs);
	}

	/** The applicant's own application; anyone else's is 404. */
	@Transactional(readOnly = true)
	public IntegratedApplication get(SignedInUser me, UUID id) {
		return store.find(id).filter(a -> a.owner().equals(me.username()))
			.orElseThrow(() -> Problem.notFound("未找到该综合申请。"));
	}

	@Transactional(readOnly = true)
	public List<IntegratedApplication> mine(SignedInUser me) {
		return store.ownedBy(me.username());
	}

	/** An integrated licence the applicant holds, the application that issued it and its merged form. */
	public record HeldLicence(Licence licence, IntegratedApplication issuing, MergedApplication merged) {

		/** Whether the licence is cancelled or revoked, so nothing more can be applied for on it. */
		public boolean closed() {
			return licence.storedStatus() == LicenceStatus.CANCELLED || licence.storedStatus() == LicenceStatus.REVOKED;
		}
	}

	/** The integrated licence the applicant holds, as the lifecycle page offers it; another's is 404. */
	@Transactional(readOnly = true)
	public HeldLicence held(SignedInUser me, String number) {
		mayApply(me);
		Licence l = heldIntegrated(me, number);
		IntegratedApplication first = issuing(l);
		IndustryPackage pkg = packages.version(first.packageCode(), first.packageVersion()).orElseThrow();
		return new HeldLicence(l, first, packages.merge(pkg, first.answers()));
	}

	/** The integrated licences the applicant holds (issued from their own applications). */
	@Transactional(readOnly = true)
	public List<Licence> heldLicences(SignedInUser me) {
		return store.ownedBy(me.username()).stream().filter(a -> a.kind() == Kind.NEW && a.licenceNumber() != null)
			.map(a -> licences.find(a.licenceNumber())).flatMap(java.util.Optional::stream).toList();
	}

	// ---- sub-cases

	/** A permit a lifecycle application touches: the item, the situation for it, the part's own licence if any. */
	record Touched(String itemCode, String itemName, String situation, String licenceNumber) {
	}

	private List<Touched> touched(IndustryPackage pkg, IntegratedApplication first, Kind kind, Set<String> changed) {
		List<Touched> out = new ArrayList<>();
		if (kind == Kind.REISSUE) {
			situationFor(pkg.itemCode(), Kind.REISSUE)
				.ifPresent(s -> out.add(new Touched(pkg.itemCode(), pkg.name(), s, first.licenceNumber())));
			return out;
		}
		Set<String> carrying = kind == Kind.CHANGE ? packages.itemsCarrying(pkg, changed) : null;
		Map<String, IntegratedLicensing.PartStatus> parts = new LinkedHashMap<>();
		integratedLicences.parts(first.licenceNumber()).forEach(p -> parts.put(p.itemCode(), p));
		for (SubCase s : first.subCases()) {
			if (carrying != null && !carrying.contains(s.itemCode())) {
				continue;
			}
			IntegratedLicensing.PartStatus part = parts.get(s.itemCode());
			String number = part == null ? null : part.licenceNumber();
			if (kind == Kind.RENEW && (part == null || part.validUntil() == null)) {
				continue;
			}
			situationFor(s.itemCode(), kind).ifPresent(sit -> out.add(new Touched(s.itemCode(), s.itemName(), sit, number)));
		}
		return out;
	}

	/** The item's situation for a lifecycle kind: the one whose code starts with the kind's name (CHANGE, RENEW …). */
	private java.util.Optional<String> situationFor(String itemCode, Kind kind) {
		Guide guide = catalogue.published(itemCode).orElseThrow();
		List<String> prefixes = kind == Kind.RENEW ? List.of("RENEW", "EXTEND") : List.of(kind.name());
		return guide.situations().stream().map(GuideContent.Situation::code)
			.filter(c -> prefixes.stream().anyMatch(c::startsWith)).findFirst();
	}

	/** The required materials of a situation the applicant must upload (not held by the authority). */
	private List<String> uploadsOf(String itemCode, String situation) {
		GuideContent.Situation s = catalogue.published(itemCode).orElseThrow().situation(situation);
		return s == null || s.materials() == null ? List.of() : s.materials().stream()
			.filter(m -> Boolean.TRUE.equals(m.required()) && !held(m.heldBy())).map(GuideContent.Material::name).toList();
	}

	/**
	 * Each merged document the item needs, under each name of the item's own list it stands for (its covers) that the
	 * item's situation lists (a cover may name the list of another situation of the same item).
	 */
	static List<CaseSubmissions.Attachment> attachments(Catalogue catalogue, MergedApplication.ApplicableItem item,
			MergedApplication merged, Map<String, Upload> docs) {
		GuideContent.Situation s = catalogue.published(item.itemCode()).orElseThrow().situation(item.situation());
		Set<String> listed = new java.util.HashSet<>();
		if (s != null && s.materials() != null) {
			s.materials().forEach(m -> listed.add(m.name()));
		}
		List<CaseSubmissions.Attachment> out = new ArrayList<>();
		for (MergedApplication.MergedMaterial m : merged.materials()) {
			Upload u = docs.get(m.code());
			if (u != null) {
				m.coveredIn(item.key()).stream().filter(listed::contains)
					.forEach(name -> out.add(new CaseSubmissions.Attachment(name, u.filename(), u.content())));
			}
		}
		return out;
	}

	private SubCase open(SignedInUser me, UUID applicationId, int position, String itemCode, String situation,
			Map<String, String> applicant, Map<String, Object> form, List<CaseSubmissions.Attachment> attachments,
			MergedApplication merged) {
		NewCase request = new NewCase(itemCode, situation, new NewCase.ApplicantInput("ENTERPRISE", null,
				applicant.get("uscc"), applicant.get("name"), applicant.get("agentName")), form);
		Guide guide = catalogue.published(itemCode).orElseThrow();
		CaseSubmissions.Opened opened;
		try {
			// the application's key was claimed above; each sub-case is keyed by the (new) application and its item
			opened = cases.submit(me, "integrated/" + applicationId + "/" + itemCode, request, attachments);
		}
		catch (Problem p) {
			throw partProblem(p, guide.name(), itemCode, merged);
		}
		GuideContent.Situation s = guide.situation(situation);
		return new SubCase(position, itemCode, guide.name(), situation, s == null ? situation : s.name(),
				opened.id().value(), opened.number(), null, null, null, false);
	}

	/** A sub-case's refusal told as the integrated form names it: its fields mapped back, the item named. */
	private static Problem partProblem(Problem p, String itemName, String itemCode, MergedApplication merged) {
		String itemKey = merged.internalItems().stream().filter(i -> itemCode.equals(i.itemCode()))
			.map(MergedApplication.ApplicableItem::key).findFirst().orElse(itemCode);
		List<FieldMessage> errors = p.errors().stream().map(e -> {
			String field = e.field();
			if (field != null && field.startsWith("form.")) {
				String own = field.substring("form.".length());
				field = merged.fields().stream()
					.filter(f -> f.feeds().stream().anyMatch(feed -> feed.item().equals(itemKey) && feed.field().equals(own)))
					.map(f -> "form." + f.name()).findFirst().orElse("parts." + itemCode + "." + field);
			}
			else {
				field = "parts." + itemCode + "." + field;
			}
			return new FieldMessage(field, "【" + itemName + "】" + e.message());
		}).toList();
		return new Problem(p.status(), p.type(), p.title(),
				"【" + itemName + "】" + p.detail(), errors);
	}

	// ---- helpers

	private Submitted replay(SignedInUser me, String key, String hash) {
		var earlier = store.byKey(me.username(), key).orElseThrow();
		if (!earlier.requestHash().equals(hash)) {
			throw Problem.unprocessable("idempotency-key-reused", "幂等键已被使用",
					"该 Idempotency-Key 已用于另一份不同的综合申请，请为新的申请使用新的键。", List.of());
		}
		return new Submitted(store.find(earlier.id()).orElseThrow(), false);
	}

	/** The integrated licence, held by the applicant's enterprise; another's or an unknown number is 404. */
	private Licence heldIntegrated(SignedInUser me, String number) {
		if (number == null || number.isBlank()) {
			throw Problem.invalid("licenceNumber", "请选择要办理的行业综合许可证。");
		}
		return licences.find(number.strip())
			.filter(l -> me.uscc() != null && me.uscc().equals(l.holderId()) && integratedLicences.isIntegrated(l.number()))
			.orElseThrow(() -> Problem.notFound("未找到您持有的编号为“" + number.strip() + "”的行业综合许可证。"));
	}

	private IntegratedApplication issuing(Licence l) {
		return store.forLicence(l.number()).stream().filter(a -> a.kind() == Kind.NEW).findFirst()
			.orElseThrow(() -> Problem.conflict("行业综合许可证" + l.number() + "不是经本系统综合申请核发的，请到窗口办理。"));
	}

	/** The merged form with nothing required: a change names only the fields it changes. */
	private static MergedApplication onlyChanged(MergedApplication merged) {
		List<MergedApplication.MergedField> fields = merged.fields().stream().map(f -> new MergedApplication.MergedField(
				f.name(), f.label(), f.type(), false, f.maxLength(), f.min(), f.max(), f.choices(), f.hint(), f.sample(),
				f.feeds(), f.prefilled())).toList();
		return new MergedApplication(merged.packageCode(), merged.packageVersion(), merged.answers(), merged.items(),
				fields, merged.materials(),
				merged.figures());
	}

	private static Map<String, String> applicant(SignedInUser me, String name) {
		Map<String, String> a = new LinkedHashMap<>();
		a.put("kind", "ENTERPRISE");
		a.put("uscc", me.uscc());
		a.put("name", name);
		a.put("agentName", me.displayName());
		return a;
	}

	private static String phone(String raw, List<FieldMessage> errors) {
		String phone = raw == null ? "" : raw.strip();
		if (!IntegratedForm.PHONE.matcher(phone).matches()) {
			errors.add(new FieldMessage("phone", "请填写联系电话（手机号或带区号的座机号），以便通知办理进度。"));
		}
		return phone;
	}

	private static void checkUpload(String field, Upload u, List<FieldMessage> errors) {
		try {
			Uploads.check(field, u.filename(), u.content().length,
					new org.springframework.core.io.ByteArrayResource(u.content()), Uploads.APPLICATION_MATERIALS);
		}
		catch (Problem p) {
			if (p.status() == HttpStatus.BAD_REQUEST) {
				errors.addAll(p.errors());
				return;
			}
			throw p;
		}
	}

	private static boolean held(String heldBy) {
		return heldBy != null && !heldBy.isBlank();
	}

	private static void mayApply(SignedInUser me) {
		if (!me.has(Role.ENTERPRISE) || me.isStaff() || me.uscc() == null) {
			throw Problem.forbidden("一业一证综合申请由企业办事人以本单位名义提交，请使用企业账户登录。");
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

	private static Map<String, String> digests(Map<String, Upload> docs) {
		Map<String, String> out = new TreeMap<>();
		docs.forEach((k, u) -> out.put(k, sha256(u.content() == null ? new byte[0] : u.content())));
		return out;
	}

	private String hash(Map<String, Object> canonical) {
		return sha256(json.writeValueAsString(new TreeMap<>(canonical)).getBytes(StandardCharsets.UTF_8));
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
