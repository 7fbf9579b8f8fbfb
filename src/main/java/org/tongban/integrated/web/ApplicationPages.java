package org.tongban.integrated.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.FormTables;
import org.tongban.cases.web.Confirmation;
import org.tongban.cases.web.ItemFormField;
import org.tongban.cases.web.Refusal;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.GuideContent;
import org.tongban.guidance.Guidance;
import org.tongban.guidance.Prefill;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.integrated.IndustryPackage;
import org.tongban.integrated.IndustryPackages;
import org.tongban.integrated.IntegratedApplication;
import org.tongban.integrated.IntegratedApplications;
import org.tongban.integrated.MergedApplication;
import org.tongban.shared.Problem;

/**
 * The enterprise's 一业一证 pages: applying with the integrated form (from the questionnaire's answers), confirming,
 * following the application and its sub-cases, and changing, renewing, cancelling or reissuing an integrated licence.
 * Every page is for an enterprise account acting for its own unit; the service checks again and opens the cases.
 * Uploads are held in the session under the page's token (also the idempotency key) until the final submit.
 */
@Controller
class ApplicationPages {

	private final IntegratedApplications applications;
	private final IndustryPackages packages;
	private final Catalogue catalogue;
	private final Guidance guidance;
	private final CaseRecords cases;

	ApplicationPages(IntegratedApplications applications, IndustryPackages packages, Catalogue catalogue,
			Guidance guidance, CaseRecords cases) {
		this.applications = applications;
		this.packages = packages;
		this.catalogue = catalogue;
		this.guidance = guidance;
		this.cases = cases;
	}

	/** A document of the page: its key (field {@code documents.<key>}), name, what it is for, the file held. */
	record Document(String key, String name, String note, String held) {
	}

	/** An answer carried from the questionnaire, and how the page reads it out. */
	record Answer(String id, String question, String value, String shown) {
	}

	/** A sub-case on the status page, with the division handling it. */
	record PartRow(ApplicationView.Part part, String division) {
	}

	// ---- a new integrated application

	@GetMapping("/integrated/applications/new")
	String newApplication(@AuthenticationPrincipal SignedInUser me, @RequestParam("package") String code,
			HttpServletRequest request, Model model) {
		enterprise(me);
		IndustryPackage pkg = live(code);
		if (pkg.role() == IndustryPackage.Role.COOPERATING) {
			throw Problem.conflict("“" + pkg.name() + "”由" + pkg.leadAuthority()
					+ "牵头办理，请在牵头部门的系统中提交综合申请，本委的部分将由其转来。");
		}
		Map<String, Object> answers = answers(pkg, single(request));
		MergedApplication merged;
		try {
			merged = packages.merge(pkg, answers);
		}
		catch (Problem p) {
			// the questionnaire is answered on the industry's page: unanswered or contradictory, back there
			return "redirect:/integrated/packages/" + pkg.code();
		}
		Map<String, String> registers = new LinkedHashMap<>();
		guidance.prefill(me, Set.of()).fields().forEach(f -> registers.put(f.field(), f.value()));
		Map<String, Object> values = new LinkedHashMap<>();
		for (MergedApplication.MergedField f : merged.fields()) {
			if (f.prefilled() != null) {
				values.put(f.name(), String.valueOf(f.prefilled()));
			}
			else if (registers.containsKey(f.name())) {
				values.put(f.name(), registers.get(f.name()));
			}
		}
		model.addAttribute("registerSources", guidance.prefill(me, Set.of()).fields().stream()
			.filter(f -> f.field().equals("name") || merged.fields().stream().anyMatch(m -> m.name().equals(f.field())))
			.map(Prefill.Field::label).distinct().toList());
		applyPage(model, pkg, merged, values, registers.getOrDefault("name", me.displayName()), "",
				HeldUploads.token(null), Map.of(), null);
		return "integrated/apply";
	}

	@PostMapping("/integrated/applications")
	String submit(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		enterprise(me);
		Map<String, String> params = single(request);
		IndustryPackage pkg = live(params.get("package"));
		String token = HeldUploads.token(params.get("token"));
		UUID already = HeldUploads.submitted(request, token);
		if (already != null) {
			return "redirect:/integrated/applications/" + already + "?submitted=1";
		}
		Map<String, Object> answers = answers(pkg, params);
		Map<String, Object> form = ItemFormField.values(params);
		IntegratedApplications.NewApplication application = new IntegratedApplications.NewApplication(pkg.code(),
				answers, form, params.get("phone"), params.get("applicantName"));
		Map<String, HeldUploads.Held> held = HeldUploads.take(request, token);
		try {
			if ("true".equals(params.get("edit"))) {
				applyPage(model, pkg, packages.merge(pkg, answers), form, params.get("applicantName"),
						params.get("phone"), token, held, null);
				return "integrated/apply";
			}
			if (!"true".equals(params.get("confirmed"))) {
				applications.check(me, application, HeldUploads.uploads(held));
				MergedApplication merged = packages.merge(pkg, answers);
				List<Confirmation.Detail> details = new ArrayList<>();
				details.add(new Confirmation.Detail("单位名称", params.get("applicantName")));
				for (MergedApplication.MergedField f : merged.fields()) {
					Object v = form.get(f.name());
					if (v != null) {
						details.add(new Confirmation.Detail(f.label(), shown(f.type(), String.valueOf(v))));
					}
				}
				details.add(new Confirmation.Detail("联系电话", params.get("phone")));
				model.addAttribute("documents", documents(merged, held));
				List<String> items = merged.internalItems().stream().map(MergedApplication.ApplicableItem::name).toList();
				return confirm(model, pkg.name() + " · 一业一证综合申请", new Confirmation("确认提交综合申请", details,
						List.of("将为以下 " + items.size() + " 个事项各开一件办件，由各处室同时办理：" + String.join("、", items) + "。",
								"提交后不能修改综合申请表；需要补正的，在相应办件页按补正告知办理。",
								"各项均准予后，核发一张行业综合许可证。"),
						"/integrated/applications", hidden(request), "确认提交", "confirm-submit", null));
			}
			IntegratedApplications.Submitted s = applications.submit(me, token, application, HeldUploads.uploads(held));
			HeldUploads.done(request, token, s.application().id());
			return "redirect:/integrated/applications/" + s.application().id() + "?submitted=1";
		}
		catch (Problem p) {
			refusedOnThePage(p);
			MergedApplication merged = packages.merge(pkg, answers);
			applyPage(model, pkg, merged, form, params.get("applicantName"), params.get("phone"), token,
					HeldUploads.take(request, token), Refusal.of("apply", p));
			response.setStatus(p.status().value());
			return "integrated/apply";
		}
	}

	private void applyPage(Model model, IndustryPackage pkg, MergedApplication merged, Map<String, Object> values,
			String applicantName, String phone, String token, Map<String, HeldUploads.Held> held, Refusal refusal) {
		model.addAttribute("pkg", pkg);
		model.addAttribute("noDrafts", true);
		model.addAttribute("merged", merged);
		model.addAttribute("answers", answerList(pkg, merged.answers()));
		model.addAttribute("fields", ItemFormField.of(definitions(merged, merged.fields(), false),
				name -> values.get(name) == null ? null : String.valueOf(values.get(name))));
		model.addAttribute("documents", documents(merged, held));
		model.addAttribute("applicantName", applicantName);
		model.addAttribute("phone", phone);
		model.addAttribute("token", token);
		model.addAttribute("refusal", refusal);
		if (!model.containsAttribute("registerSources")) {
			model.addAttribute("registerSources", List.of());
		}
	}

	// ---- following applications

	@GetMapping("/integrated/applications")
	String mine(@AuthenticationPrincipal SignedInUser me, Model model) {
		enterprise(me);
		model.addAttribute("applications", applications.mine(me).stream().map(this::view).toList());
		model.addAttribute("licences", applications.heldLicences(me));
		return "integrated/applications";
	}

	@GetMapping("/integrated/applications/{id}")
	String show(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id,
			@RequestParam(required = false) String submitted, Model model) {
		enterprise(me);
		ApplicationView view = view(applications.get(me, id));
		model.addAttribute("a", view);
		model.addAttribute("parts", view.subCases().stream().map(part -> new PartRow(part, catalogue
			.published(part.itemCode()).map(org.tongban.catalogue.Guide::divisionName).orElse("—"))).toList());
		model.addAttribute("submitted", submitted != null);
		return "integrated/application";
	}

	private ApplicationView view(IntegratedApplication a) {
		String name = packages.version(a.packageCode(), a.packageVersion()).map(IndustryPackage::name)
			.orElse(a.packageCode());
		return ApplicationView.of(a, name, cases);
	}

	// ---- change, renewal, cancellation, reissue of an integrated licence

	@GetMapping("/integrated/licences/{number}/apply")
	String lifecycle(@AuthenticationPrincipal SignedInUser me, @PathVariable String number,
			@RequestParam(required = false) String kind, @RequestParam(required = false) List<String> changed,
			Model model, HttpServletResponse response) {
		enterprise(me);
		IntegratedApplications.HeldLicence held = applications.held(me, number);
		IntegratedApplication.Kind chosen = kind(kind);
		Set<String> fields = changedFields(held.merged(), changed);
		Map<String, Object> values = new LinkedHashMap<>();
		fields.forEach(f -> values.put(f, held.issuing().form().get(f)));
		lifecyclePage(me, model, held, chosen, fields, values, "", HeldUploads.token(null), Map.of(), null);
		if (held.closed()) {
			response.setStatus(HttpStatus.CONFLICT.value());
		}
		return "integrated/lifecycle";
	}

	@PostMapping("/integrated/licences/{number}/applications")
	String act(@AuthenticationPrincipal SignedInUser me, @PathVariable String number, HttpServletRequest request,
			Model model, HttpServletResponse response) {
		enterprise(me);
		Map<String, String> params = single(request);
		String token = HeldUploads.token(params.get("token"));
		UUID already = HeldUploads.submitted(request, token);
		if (already != null) {
			return "redirect:/integrated/applications/" + already + "?submitted=1";
		}
		IntegratedApplications.HeldLicence held = applications.held(me, number);
		IntegratedApplication.Kind kind = kind(params.get("kind"));
		Set<String> fields = changedFields(held.merged(), request.getParameterValues("changed") == null ? null
				: List.of(request.getParameterValues("changed")));
		Map<String, Object> form = ItemFormField.values(params);
		form.keySet().retainAll(fields);
		IntegratedApplications.LifecycleRequest lifecycle = new IntegratedApplications.LifecycleRequest(number, kind,
				kind == IntegratedApplication.Kind.CHANGE ? form : Map.of(), params.get("phone"));
		Map<String, HeldUploads.Held> files = HeldUploads.take(request, token);
		try {
			if ("true".equals(params.get("edit"))) {
				lifecyclePage(me, model, held, kind, fields, form, params.get("phone"), token, files, null);
				return "integrated/lifecycle";
			}
			if (!"true".equals(params.get("confirmed"))) {
				applications.check(me, lifecycle, HeldUploads.uploads(files));
				List<Confirmation.Detail> details = new ArrayList<>();
				details.add(new Confirmation.Detail("行业综合许可证", number));
				details.add(new Confirmation.Detail("申请", kind.label()));
				for (MergedApplication.MergedField f : held.merged().fields()) {
					if (kind == IntegratedApplication.Kind.CHANGE && form.containsKey(f.name())) {
						details.add(new Confirmation.Detail(f.label() + "（变更后）", shown(f.type(), String.valueOf(form.get(f.name())))));
					}
				}
				details.add(new Confirmation.Detail("联系电话", params.get("phone")));
				model.addAttribute("documents", files.entrySet().stream()
					.map(e -> new Document(e.getKey(), e.getKey(), null, e.getValue().filename())).toList());
				return confirm(model, "行业综合许可证 " + number, new Confirmation("确认提交" + kind.label() + "申请", details,
						List.of("只为涉及的许可各开一件办件，由各处室办理；各项办结后行业综合许可证随之"
								+ (kind == IntegratedApplication.Kind.CANCEL ? "注销。" : "更新。")),
						"/integrated/licences/" + number + "/applications", hidden(request), "确认提交", "confirm-submit", null));
			}
			IntegratedApplications.Submitted s = applications.act(me, token, lifecycle, HeldUploads.uploads(files));
			HeldUploads.done(request, token, s.application().id());
			return "redirect:/integrated/applications/" + s.application().id() + "?submitted=1";
		}
		catch (Problem p) {
			refusedOnThePage(p);
			lifecyclePage(me, model, held, kind, fields, form, params.get("phone"), token, files,
					Refusal.of("lifecycle", p));
			response.setStatus(p.status().value());
			return "integrated/lifecycle";
		}
	}

	private void lifecyclePage(SignedInUser me, Model model, IntegratedApplications.HeldLicence held,
			IntegratedApplication.Kind kind, Set<String> fields, Map<String, Object> values, String phone, String token,
			Map<String, HeldUploads.Held> files, Refusal refusal) {
		model.addAttribute("held", held);
		model.addAttribute("noDrafts", true);
		model.addAttribute("number", held.licence().number());
		model.addAttribute("kinds", List.of(IntegratedApplication.Kind.CHANGE, IntegratedApplication.Kind.RENEW,
				IntegratedApplication.Kind.CANCEL, IntegratedApplication.Kind.REISSUE));
		model.addAttribute("kind", kind);
		model.addAttribute("changeable", held.merged().fields().stream().filter(f -> !"table".equals(f.type())).toList());
		model.addAttribute("changed", fields);
		List<MergedApplication.MergedField> chosen = held.merged().fields().stream()
			.filter(f -> fields.contains(f.name())).toList();
		model.addAttribute("fields", ItemFormField.of(definitions(held.merged(), chosen, true),
				name -> values.get(name) == null ? null : String.valueOf(values.get(name))));
		List<IntegratedApplications.NeededDocument> needed = List.of();
		String nothing = null;
		boolean ready = kind != null && !held.closed()
				&& (kind != IntegratedApplication.Kind.CHANGE || !fields.isEmpty());
		if (ready) {
			needed = applications.neededDocuments(me, held.licence().number(), kind, fields);
		}
		model.addAttribute("ready", ready);
		model.addAttribute("documents", needed.stream().map(d -> new Document(d.name(), d.name(),
				"用于：" + String.join("、", d.items()), files.containsKey(d.name()) ? files.get(d.name()).filename() : null))
			.toList());
		model.addAttribute("closedMessage", held.closed() ? "行业综合许可证" + held.licence().number() + "已"
				+ held.licence().storedStatus().label() + "，不能再申请变更、延续、注销或补证。" : nothing);
		model.addAttribute("phone", phone);
		model.addAttribute("token", token);
		model.addAttribute("refusal", refusal);
	}

	// ---- helpers

	private String confirm(Model model, String subject, Confirmation confirmation) {
		model.addAttribute("confirm", confirmation);
		model.addAttribute("subject", subject);
		return "integrated/confirm";
	}

	/** The posted values to repeat on the confirm page (never the CSRF token, nor the page's own switches). */
	private static List<Confirmation.Hidden> hidden(HttpServletRequest request) {
		org.springframework.util.LinkedMultiValueMap<String, String> repeat = new org.springframework.util.LinkedMultiValueMap<>();
		request.getParameterMap().forEach((k, v) -> {
			if (!k.equals("edit")) {
				repeat.addAll(k, List.of(v));
			}
		});
		return Confirmation.repeat(repeat);
	}

	/**
	 * The merged fields as form definitions the cases' field rendering takes: a table's columns are those of the
	 * first item form it feeds; {@code chosen} makes every field required (a change asks only for the fields the
	 * applicant chose to change, each with its new value).
	 */
	private List<GuideContent.FormField> definitions(MergedApplication merged, List<MergedApplication.MergedField> fields,
			boolean chosen) {
		List<GuideContent.FormField> out = new ArrayList<>();
		for (MergedApplication.MergedField f : fields) {
			GuideContent.FormField own = "table".equals(f.type()) ? fedTable(merged, f) : null;
			out.add(new GuideContent.FormField(f.name(), f.label(), own == null && "table".equals(f.type()) ? "text"
					: f.type(), f.required() || chosen, f.maxLength(), f.min(), f.max(), f.choices(), null, f.hint(),
					f.sample(), own == null ? null : own.columns(), own == null ? null : own.minRows(),
					own == null ? null : own.maxRows()));
		}
		return out;
	}

	private GuideContent.FormField fedTable(MergedApplication merged, MergedApplication.MergedField f) {
		for (IndustryPackage.Feed feed : f.feeds()) {
			for (MergedApplication.ApplicableItem item : merged.internalItems()) {
				if (!item.key().equals(feed.item())) {
					continue;
				}
				var own = catalogue.published(item.itemCode()).stream()
					.flatMap(g -> g.formFor(item.situation()).stream())
					.filter(x -> x.name().equals(feed.field()) && !x.columnsOrNone().isEmpty()).findFirst();
				if (own.isPresent()) {
					return own.get();
				}
			}
		}
		return null;
	}

	private static List<Document> documents(MergedApplication merged, Map<String, HeldUploads.Held> held) {
		return merged.materials().stream().filter(m -> m.heldBy() == null || m.heldBy().isBlank())
			.map(m -> new Document(m.code(), m.name(), m.notes(), held.containsKey(m.code()) ? held.get(m.code()).filename()
					: null))
			.toList();
	}

	/** The package's questions' answers as posted ({@code q.<id>}). */
	private static Map<String, Object> answers(IndustryPackage pkg, Map<String, String> params) {
		Map<String, Object> answers = new LinkedHashMap<>();
		for (IndustryPackage.Question q : pkg.questions()) {
			String value = params.get("q." + q.id());
			if (value != null && !value.isBlank()) {
				answers.put(q.id(), value.strip());
			}
		}
		return answers;
	}

	private static List<Answer> answerList(IndustryPackage pkg, Map<String, Object> answers) {
		List<Answer> out = new ArrayList<>();
		for (IndustryPackage.Question q : pkg.questions()) {
			Object v = answers.get(q.id());
			if (v != null) {
				String text = String.valueOf(v);
				out.add(new Answer(q.id(), q.text(), text, "true".equals(text) ? "是" : "false".equals(text) ? "否" : text));
			}
		}
		return out;
	}

	private static String shown(String type, String value) {
		if ("table".equals(type)) {
			List<String> lines = FormTables.lines(value);
			return lines.size() + " 行：" + String.join("；", lines);
		}
		return value;
	}

	private static Set<String> changedFields(MergedApplication merged, List<String> changed) {
		Set<String> out = new LinkedHashSet<>();
		if (changed != null) {
			changed.stream().filter(c -> merged.fields().stream().anyMatch(f -> f.name().equals(c)))
				.forEach(out::add);
		}
		return out;
	}

	private static IntegratedApplication.Kind kind(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			IntegratedApplication.Kind k = IntegratedApplication.Kind.valueOf(raw);
			return k == IntegratedApplication.Kind.NEW ? null : k;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The request's parameters, the first value of each (a table's cells are each their own parameter). */
	private static Map<String, String> single(HttpServletRequest request) {
		Map<String, String> out = new LinkedHashMap<>();
		request.getParameterMap().forEach((k, v) -> {
			if (v.length > 0) {
				out.put(k, v[0]);
			}
		});
		return out;
	}

	private IndustryPackage live(String code) {
		if (code == null || code.isBlank()) {
			throw Problem.invalid("package", "请选择一业一证行业。");
		}
		return packages.published(code)
			.orElseThrow(() -> Problem.notFound("没有代码为“" + code + "”的一业一证行业。"));
	}

	private static void enterprise(SignedInUser me) {
		if (!me.has(Role.ENTERPRISE) || me.isStaff() || me.uscc() == null) {
			throw Problem.forbidden("一业一证综合申请由企业办事人以本单位名义提交，请使用企业账户登录。");
		}
	}

	/** Refused input (400, 422) and a state that forbids it (409) come back on the page; anything else is thrown on. */
	private static void refusedOnThePage(Problem p) {
		if (p.status() != HttpStatus.BAD_REQUEST && p.status() != HttpStatus.UNPROCESSABLE_CONTENT
				&& p.status() != HttpStatus.CONFLICT) {
			throw p;
		}
	}
}
