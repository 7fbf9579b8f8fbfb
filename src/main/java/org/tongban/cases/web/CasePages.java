package org.tongban.cases.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.util.MultiValueMap;
import org.springframework.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.tongban.cases.Applicant;
import org.tongban.cases.Case;
import org.tongban.cases.HeldLicences;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.Channel;
import org.tongban.cases.Corrections;
import org.tongban.cases.CaseHandling;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.tongban.cases.NewCase;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.guidance.Guidance;
import org.tongban.guidance.Prefill;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/** The applicant's pages: the application form, a draft with its uploads, "my cases", one case. */
@Controller
class CasePages {

	/** Prefill fields that identify the applicant; the rest go into the form. */
	private static final Set<String> IDENTITY = Set.of("name", "idNumber", "uscc");

	private final CaseApplications cases;
	private final Catalogue catalogue;
	private final Guidance guidance;
	private final CaseHandling work;
	private final CaseRecords records;
	private final ObjectProvider<HeldLicences> heldLicences;
	private final Corrections corrections;
	private final CaseTimeline timeline;

	CasePages(CaseApplications cases, Catalogue catalogue, Guidance guidance, CaseHandling work, CaseRecords records,
			ObjectProvider<HeldLicences> heldLicences, Corrections corrections, CaseTimeline timeline) {
		this.timeline = timeline;
		this.heldLicences = heldLicences;
		this.corrections = corrections;
		this.work = work;
		this.records = records;
		this.cases = cases;
		this.catalogue = catalogue;
		this.guidance = guidance;
	}

	@GetMapping("/cases/new")
	String newCase(@AuthenticationPrincipal SignedInUser me, @RequestParam String item,
			@RequestParam String situation, @RequestParam(required = false) List<String> exclude,
			@RequestParam(required = false) String licence, Model model) {
		if (me.isStaff() || !(me.has(Role.CITIZEN) || me.has(Role.ENTERPRISE))) {
			throw Problem.forbidden("工作人员账户不能在线申请办件，请使用个人或企业办事人账户。");
		}
		Guide guide = catalogue.published(item)
				.orElseThrow(() -> Problem.notFound("未找到事项编码为“" + item + "”的政务服务事项。"));
		GuideContent.Situation s = guide.situation(situation);
		if (s == null) {
			throw Problem.invalid("situation", "办理情形“" + situation + "”不属于事项“" + guide.name() + "”。");
		}
		// what the applicant chose on the guidance result not to pre-fill is not filled here either; the identity
		// fields stay on the form (they are required) but empty
		Set<String> excluded = Prefill.exclusions(exclude);
		Prefill prefill = guidance.prefill(me, excluded);
		List<Prefill.Field> identity = guidance.prefill(me, Set.of()).fields().stream()
				.filter(f -> IDENTITY.contains(f.field()))
				.map(f -> excluded.contains(f.field()) ? new Prefill.Field(f.field(), f.label(), "", "您选择不预填") : f)
				.toList();
		model.addAttribute("guide", guide);
		model.addAttribute("situation", s);
		model.addAttribute("materials", s.materials() == null ? List.of() : s.materials());
		model.addAttribute("enterprise", me.has(Role.ENTERPRISE));
		model.addAttribute("identity", identity);
		List<Prefill.Field> formFields = prefill.fields().stream().filter(f -> !IDENTITY.contains(f.field())).toList();
		model.addAttribute("formFields", formFields);
		model.addAttribute("askPhone", formFields.stream().noneMatch(f -> f.field().equals("phone")));
		licenceFields(me, guide, s, licence, model);
		// an item whose guide defines its form gets those fields, pre-filled from the chosen licence or the registers
		Map<?, ?> current = (Map<?, ?>) model.getAttribute("current");
		Map<String, String> prefilled = new java.util.HashMap<>();
		formFields.forEach(f -> prefilled.put(f.field(), f.value()));
		List<ItemFormField> itemForm = ItemFormField.of(formFor(guide, s.code(), model), name -> current.get(name) != null
				? String.valueOf(current.get(name)) : prefilled.get(name));
		model.addAttribute("itemForm", itemForm);
		model.addAttribute("askPhone", itemForm.isEmpty() ? formFields.stream().noneMatch(f -> f.field().equals("phone"))
				: itemForm.stream().noneMatch(f -> f.name().equals("phone")));
		return "cases/new";
	}

	/**
	 * A change, renewal, cancellation or reissue acts on a licence the applicant holds: the form offers theirs of
	 * this item to choose from ({@code licence} names the one chosen, the newest otherwise). A first issue or a
	 * change asks for the particulars the licence carries, a change pre-filled with the chosen licence's.
	 */
	private void licenceFields(SignedInUser me, Guide guide, GuideContent.Situation s, String licence, Model model) {
		HeldLicences held = heldLicences.getIfAvailable();
		boolean acts = held != null && held.actsOnHeldLicence(guide.code(), s.code(), s.name());
		List<HeldLicences.HeldLicence> mine = !acts ? List.of()
				: me.has(Role.ENTERPRISE) ? held.heldBy(Applicant.Kind.ENTERPRISE, me.uscc(), guide.code())
						: held.heldBy(Applicant.Kind.PERSON, me.idNumber(), guide.code());
		HeldLicences.HeldLicence chosen = mine.stream().filter(l -> l.number().equals(licence)).findFirst()
			.orElse(mine.isEmpty() ? null : mine.get(0));
		boolean sets = held != null && guide.licence() != null && held.setsParticulars(guide.code(), s.code(), s.name());
		model.addAttribute("actsOnLicence", acts);
		model.addAttribute("held", mine);
		model.addAttribute("chosen", chosen);
		model.addAttribute("particulars", sets ? guide.licence().particularsOrNone() : List.of());
		model.addAttribute("current", chosen == null ? Map.of() : chosen.particulars());
	}

	/** The form's fields but the licence number when the page offers the licences held to choose from. */
	private static List<GuideContent.FormField> formFor(Guide guide, String situation, Model model) {
		boolean choosing = !((List<?>) model.getAttribute("held")).isEmpty();
		return guide.formFor(situation).stream()
				.filter(f -> !(choosing && f.name().equals(HeldLicences.FIELD))).toList();
	}

	@PostMapping("/cases")
	String startDraft(@AuthenticationPrincipal SignedInUser me, @RequestParam String item,
			@RequestParam String situation, @RequestParam Map<String, String> params, Model model,
			HttpServletResponse response) {
		boolean enterprise = me.has(Role.ENTERPRISE);
		NewCase.ApplicantInput applicant = new NewCase.ApplicantInput(enterprise ? "ENTERPRISE" : "PERSON",
				params.get("idNumber"), params.get("uscc"), params.get("name"), params.get("agentName"));
		String v = params.get("guideVersion");
		if (v != null && !v.matches("\\d{1,6}")) {
			throw Problem.invalid("guideVersion", "指南版本号格式不正确。");
		}
		Integer version = v == null ? null : Integer.valueOf(v);
		try {
			Case c = cases.startDraft(me, new NewCase(item, situation, applicant, formFields(params),
					"true".equals(params.get("commitment")), version));
			return "redirect:/cases/" + c.id();
		}
		catch (Problem p) {
			if (p.status() != HttpStatus.BAD_REQUEST && p.status() != HttpStatus.UNPROCESSABLE_CONTENT) {
				throw p;
			}
			// the form again, the message beside each field, everything typed still there
			String page = newCase(me, item, situation, null, params.get("form." + HeldLicences.FIELD), model);
			model.addAttribute("typed", params);
			Map<String, Object> typed = formFields(params);
			model.addAttribute("itemForm", ItemFormField.of(formFor((Guide) model.getAttribute("guide"), situation, model),
					name -> typed.get(name) == null ? null : String.valueOf(typed.get(name))));
			model.addAttribute("refusal", Refusal.of("new", p));
			response.setStatus(p.status().value());
			return page;
		}
	}

	@GetMapping("/cases")
	String mine(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("cases", cases.mine(me));
		return "cases/list";
	}

	@GetMapping("/cases/{id}")
	String detail(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String submitted, @RequestParam(required = false) String corrected,
			@RequestParam(required = false) String opened, Model model) {
		Case c = cases.get(me, new CaseId(id));
		cases.shown(me, c, "办件详情");
		populate(me, c, model);
		boolean clerk = c.channel() == Channel.WINDOW && me.has(Role.CLERK) && !c.applicant().owner().equals(me.username());
		model.addAttribute("opened", opened != null && clerk && c.status() == CaseStatus.DRAFT);
		model.addAttribute("submitted", submitted != null && c.status() != CaseStatus.DRAFT);
		model.addAttribute("corrected", corrected != null && c.status() == CaseStatus.SUBMITTED && c.corrections() > 0);
		return "cases/detail";
	}

	private void populate(SignedInUser me, Case c, Model model) {
		model.addAttribute("c", c);
		model.addAttribute("labels", FormLabels.of(catalogue, c.itemCode()));
		model.addAttribute("tables", FormLabels.tables(catalogue, c.itemCode(), c.guideVersion(), c.form()));
		// the window clerk reads the case for the applicant in front of them: the page speaks to the clerk
		boolean clerk = c.channel() == Channel.WINDOW && me.has(Role.CLERK) && !c.applicant().owner().equals(me.username());
		model.addAttribute("atWindow", clerk);
		boolean mine = c.applicant().owner().equals(me.username()) || me.username().equals(c.openedBy())
				|| c.channel() == Channel.WINDOW && c.status() == CaseStatus.CORRECTION_REQUESTED && me.has(Role.CLERK);
		model.addAttribute("mine", mine);
		model.addAttribute("canUpload", mine
				&& (c.status() == CaseStatus.DRAFT || c.status() == CaseStatus.CORRECTION_REQUESTED));
		model.addAttribute("materials", cases.materials(c));
		model.addAttribute("canState", work.allowed(me, c).contains(org.tongban.cases.CaseAction.STATE_CASE));
		model.addAttribute("notice", records.decisionNotice(c).orElse(null));
		model.addAttribute("correction", corrections.progress(c));
		model.addAttribute("timeline", timeline.of(c));
		HeldLicences held = heldLicences.getIfAvailable();
		model.addAttribute("licenceNumber", held == null || c.decision() == null ? null : held.licenceOf(c.id()).orElse(null));
		if (!model.containsAttribute("formValues")) {
			model.addAttribute("formValues", c.form());
		}
		// a draft of an item whose guide version defines its form is edited field by field, as it was started
		@SuppressWarnings("unchecked")
		Map<String, Object> values = (Map<String, Object>) model.getAttribute("formValues");
		List<org.tongban.catalogue.GuideContent.FormField> defined = c.status() != CaseStatus.DRAFT ? List.of()
				: catalogue.version(c.itemCode(), c.guideVersion()).map(g -> g.formFor(c.situation())).orElse(List.of());
		model.addAttribute("itemForm", ItemFormField.of(defined,
				name -> values.get(name) == null ? null : String.valueOf(values.get(name))));
		Map<String, Object> others = new LinkedHashMap<>(values);
		defined.forEach(f -> others.remove(f.name()));
		model.addAttribute("otherValues", others);
		// a fresh token per rendering: a double click or a reload resends the same one
		model.addAttribute("token", UUID.randomUUID().toString());
	}

	/**
	 * The case page again after refused input, never an error page: the message beside the part of the page it
	 * concerns ({@code part}: {@code form}, {@code upload:<material>}, {@code submit}, {@code withdraw}) and what was
	 * typed kept. A case the user may not see stays a 404 (or 403).
	 */
	private String refused(SignedInUser me, UUID id, Problem p, String part, Model model, HttpServletResponse response) {
		if (p.status() == HttpStatus.NOT_FOUND || p.status() == HttpStatus.FORBIDDEN) {
			throw p;
		}
		populate(me, cases.get(me, new CaseId(id)), model);
		model.addAttribute("refusal", Refusal.of(part, p));
		response.setStatus(p.status().value());
		return "cases/detail";
	}

	@PostMapping("/cases/{id}/form")
	String saveForm(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam Map<String, String> params, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, Object> typed = new LinkedHashMap<>(formFields(params));
		try {
			cases.saveForm(me, new CaseId(id), typed);
		}
		catch (Problem p) {
			model.addAttribute("formValues", typed);
			return refused(me, id, p, "form", model, response);
		}
		redirect.addFlashAttribute("outcome", "已保存草稿。草稿尚未提交，上传材料后点击“提交申请”。");
		return "redirect:/cases/" + id;
	}

	/** Uploads a material; {@code replaces} names an earlier file of it that the new one supersedes. */
	@PostMapping("/cases/{id}/materials")
	String upload(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam String material,
			@RequestParam(required = false) UUID replaces, @RequestParam(required = false) String back,
			@RequestParam("file") MultipartFile file, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		try {
			corrections.upload(me, new CaseId(id), material, replaces, file.getOriginalFilename(), file.getSize(), file);
		}
		catch (Problem p) {
			return refused(me, id, p, ("correction".equals(back) ? "correction:" : "upload:") + material, model, response);
		}
		redirect.addFlashAttribute("outcome", "已上传“" + material + "”：" + file.getOriginalFilename()
				+ (replaces == null ? "。" : "，替换了原文件（原文件保留在办件记录中）。"));
		return "redirect:/cases/" + id + ("correction".equals(back) ? "#correction-notice" : "#materials");
	}

	/**
	 * Submitting asks first: a page that sums up the application and says what follows; confirmed, the draft is
	 * submitted with the form token of the page that showed it (a replay returns the first result).
	 */
	@PostMapping("/cases/{id}/submit")
	String submit(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam String token,
			@RequestParam MultiValueMap<String, String> params, Model model, HttpServletResponse response) {
		try {
			if (!Confirmation.confirmed(params)) {
				Case c = cases.checkSubmittable(me, new CaseId(id));
				List<Confirmation.Detail> details = new java.util.ArrayList<>();
				details.add(new Confirmation.Detail(c.applicant().kind() == org.tongban.cases.Applicant.Kind.PERSON ? "申请人"
						: "申请单位", c.applicant().name()));
				Map<String, String> labels = FormLabels.of(catalogue, c.itemCode());
				c.form().forEach((k, v) -> details.add(new Confirmation.Detail(labels.getOrDefault(k, k), v)));
				details.add(new Confirmation.Detail("已上传材料", c.materials().isEmpty() ? "无"
						: c.materials().stream().map(m -> m.material() + "：" + m.filename())
								.collect(java.util.stream.Collectors.joining("；"))));
				boolean clerk = me.isStaff();
				return confirm(model, c, new Confirmation("确认提交申请", details, clerk ? List.of(
						"提交后申请信息和材料不能再修改；申请人在作出决定前可以撤回。",
						"办件进入待受理，受理期限为收到申请之日起 5 个工作日（《行政许可法》第三十二条）。",
						"提交后生成办件编号和查询码，请告知申请人（可打印收件凭证交给申请人）。") : List.of(
						"提交后申请信息和材料不能再修改；作出决定前可以撤回。",
						"窗口自收到申请之日起 5 个工作日内决定是否受理（《行政许可法》第三十二条），逾期未决定的视为受理。",
						"提交后得到办件编号和查询码，不登录也可凭此查询办理进度。"),
						"/cases/" + id + "/submit", Confirmation.repeat(params), "确认提交", "confirm-submit", "/cases/" + id));
			}
			cases.submitDraft(me, new CaseId(id), token);
		}
		catch (Problem p) {
			return refused(me, id, p, "submit", model, response);
		}
		return "redirect:/cases/" + id + "?submitted";
	}

	private static String confirm(Model model, Case c, Confirmation confirmation) {
		model.addAttribute("c", c);
		model.addAttribute("confirm", confirmation);
		return "cases/confirm";
	}

	/**
	 * The applicant answers a correction notice after uploading what it asked for: first a page that shows what
	 * changed (new, replaced, still missing) and asks to confirm, then, confirmed, the correction itself.
	 */
	@PostMapping("/cases/{id}/correct")
	String correct(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed, Model model,
			HttpServletResponse response) {
		try {
			if (!"true".equals(confirmed)) {
				Case c = cases.get(me, new CaseId(id));
				if (!work.allowed(me, c).contains(org.tongban.cases.CaseAction.CORRECT)) {
					// refused with the same 409 (or 403) as the correction itself
					work.act(me, new CaseId(id), "correct", CaseHandling.ActionRequest.because(reason));
				}
				model.addAttribute("c", c);
				model.addAttribute("correction", corrections.progress(c));
				model.addAttribute("reason", reason == null ? "" : reason.strip());
				return "cases/correct-confirm";
			}
			work.act(me, new CaseId(id), "correct", CaseHandling.ActionRequest.because(reason));
		}
		catch (Problem p) {
			// answered twice (a second tab, a replayed form): the page again, saying the case's state
			return refused(me, id, p, "correction", model, response);
		}
		return "redirect:/cases/" + id + "?corrected";
	}

	/** The window clerk records a material handed in as a paper original. */
	@PostMapping("/cases/{id}/paper")
	String paper(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam String material) {
		cases.receivePaper(me, new CaseId(id), material);
		return "redirect:/cases/" + id + "#materials";
	}

	/** The holder states their case against an intended revocation (陈述申辩). */
	@PostMapping("/cases/{id}/statement")
	String statement(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id, @RequestParam(required = false) String statement) {
		work.act(me, new CaseId(id), "state-case", CaseHandling.ActionRequest.because(statement));
		return "redirect:/cases/" + id + "#revocation-notice";
	}

	/** A material as uploaded, for the applicant and for staff handling the case. */
	@GetMapping("/cases/{id}/materials/{material}")
	ResponseEntity<InputStreamResource> material(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@PathVariable UUID material) {
		CaseApplications.MaterialFile file = cases.material(me, new CaseId(id), material);
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.material().mediaType()))
				.contentLength(file.material().size())
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
						.filename(file.material().filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
				.body(new InputStreamResource(file.content()));
	}

	@PostMapping("/cases/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String reason, @RequestParam MultiValueMap<String, String> params,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Case c;
		try {
			if (!Confirmation.confirmed(params)) {
				c = cases.checkWithdrawable(me, new CaseId(id), reason);
				return confirm(model, c, new Confirmation("确认撤回申请",
						List.of(new Confirmation.Detail("撤回原因", reason.strip())),
						List.of("办件即告结束，不再办理；已提交的材料保留在办件记录中。", "撤回后不能恢复，如需办理须重新申请。"),
						"/cases/" + id + "/withdraw", Confirmation.repeat(params), "确认撤回", "confirm-withdraw",
						"/cases/" + id));
			}
			c = cases.withdraw(me, new CaseId(id), reason);
		}
		catch (Problem p) {
			model.addAttribute("withdrawReason", reason);
			return refused(me, id, p, "withdraw", model, response);
		}
		redirect.addFlashAttribute("outcome", "已撤回申请" + (c.number() == null ? "" : "（办件编号 " + c.number() + "）")
				+ "，办件已结束。如需办理，请重新申请。");
		return "redirect:/cases/" + id;
	}

	/** A draft is deleted, not withdrawn: it was never submitted. Asks first, like every step that cannot be undone. */
	@PostMapping("/cases/{id}/delete")
	String delete(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		if (!Confirmation.confirmed(params)) {
			Case c = cases.get(me, new CaseId(id));
			if (c.status() != CaseStatus.DRAFT) {
				throw Problem.conflict("办件已" + c.status().label() + "，不能删除；作出决定前可以撤回申请。");
			}
			return confirm(model, c, new Confirmation("确认删除草稿",
					List.of(new Confirmation.Detail("已上传材料", c.materials().size() + " 个文件")),
					List.of("草稿和已上传的材料将被删除，不能恢复。", "草稿从未提交，删除不会留下办件。"),
					"/cases/" + id + "/delete", List.of(), "确认删除", "confirm-delete", "/cases/" + id));
		}
		Case c = cases.deleteDraft(me, new CaseId(id));
		redirect.addFlashAttribute("outcome", "已删除草稿“" + c.itemName() + " · " + c.situationName() + "”。");
		return me.isStaff() ? "redirect:/work" : "redirect:/cases";
	}

	private static final java.util.regex.Pattern CELL = java.util.regex.Pattern
		.compile("form\\.([a-z][A-Za-z0-9]{0,39})\\[(\\d{1,3})\\]\\.([a-z][A-Za-z0-9]{0,39})");

	/**
	 * Form inputs are named {@code form.<field>}, a table's cells {@code form.<table>[<row>].<column>}: a table's
	 * rows are gathered in row order as its JSON text ({@link org.tongban.cases.FormTables}), blank rows left out.
	 */
	static Map<String, Object> formFields(Map<String, String> params) {
		Map<String, Object> form = new LinkedHashMap<>();
		Map<String, java.util.TreeMap<Integer, Map<String, String>>> tables = new LinkedHashMap<>();
		params.forEach((k, v) -> {
			var cell = CELL.matcher(k);
			if (cell.matches()) {
				tables.computeIfAbsent(cell.group(1), t -> new java.util.TreeMap<>())
					.computeIfAbsent(Integer.valueOf(cell.group(2)), r -> new LinkedHashMap<>()).put(cell.group(3), v);
			}
			else if (k.startsWith("form.") && v != null && !v.isBlank()) {
				form.put(k.substring(5), v);
			}
		});
		tables.forEach((name, rows) -> {
			String text = org.tongban.cases.FormTables.text(List.copyOf(rows.values()));
			if (!"[]".equals(text)) {
				form.put(name, text);
			}
		});
		return form;
	}
}
