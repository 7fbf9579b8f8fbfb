package org.tongban.catalogue.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.CatalogueAccess;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.GuideEditing;
import org.tongban.catalogue.GuideFileKind;
import org.tongban.catalogue.GuideFiles;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Staff pages: the work queue, an item's versions, the draft editor, review actions and the diff. */
@Controller
@RequestMapping("/catalogue/editing")
@PreAuthorize(CatalogueAccess.WORK)
class EditorPages {

	/**
	 * The editor as typed: the main fields as a form, the whole content as JSON. The form's fields win over the
	 * same fields in the JSON, so a clerk can change a time limit without touching the JSON.
	 */
	record EditForm(String name, Integer statutoryDays, Integer promisedDays, Boolean immediate, String fee,
			Integer retentionYears, String content) {
	}

	private final Catalogue catalogue;
	private final GuideEditing editing;
	private final JsonMapper json;
	private final GuideFiles files;

	EditorPages(Catalogue catalogue, GuideEditing editing, JsonMapper json, GuideFiles files) {
		this.files = files;
		this.catalogue = catalogue;
		this.editing = editing;
		this.json = json;
	}

	@GetMapping
	String queue(Model model) {
		model.addAttribute("inReview", catalogue.inReview());
		model.addAttribute("drafts", catalogue.drafts());
		return "catalogue/queue";
	}

	@GetMapping("/{code}")
	String versions(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, Model model) {
		List<Guide> versions = catalogue.versions(code);
		model.addAttribute("versions", versions);
		model.addAttribute("guide", catalogue.published(code).orElseThrow());
		model.addAttribute("mayEdit", CatalogueAccess.mayEdit(me, versions.get(0).division()));
		return "catalogue/versions";
	}

	@PostMapping("/{code}/drafts")
	String createDraft(@AuthenticationPrincipal SignedInUser me, @PathVariable String code) {
		Guide draft = editing.createDraft(me, code);
		return "redirect:/catalogue/editing/" + code + "/" + draft.version();
	}

	@GetMapping("/{code}/{version}")
	String editor(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			Model model) {
		Guide guide = guide(code, version);
		GuideContent c = guide.content();
		EditForm form = new EditForm(c.name(), c.statutoryDays(), c.promisedDays(), c.immediate(), c.fee(),
				c.retentionYears(), pretty(c));
		return show(me, guide, form, Map.of(), model);
	}

	@PostMapping("/{code}/{version}")
	String save(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			EditForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			editing.updateDraft(me, code, version, content(form));
		}
		catch (Problem problem) {
			if (problem.errors().isEmpty()) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			return show(me, guide(code, version), form, errors(problem.errors()), model);
		}
		redirect.addFlashAttribute("saved", "草稿已保存。");
		return "redirect:/catalogue/editing/" + code + "/" + version;
	}

	/** Uploads or replaces a material's blank form or sample; a refused file is shown beside its upload field. */
	@PostMapping("/{code}/{version}/files")
	String uploadFile(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String material,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		GuideFileKind k = CatalogueApi.kind(kind);
		try {
			if (file == null || file.isEmpty()) {
				throw Problem.invalid("file", "请选择要上传的" + k.label() + "文件。");
			}
			files.upload(me, code, version, k, material, file.getOriginalFilename(), file.getSize(), file);
		}
		catch (Problem problem) {
			if (problem.errors().isEmpty()) {
				throw problem;
			}
			response.setStatus(problem.status().value());
			Map<String, String> fileErrors = new LinkedHashMap<>();
			fileErrors.put(k.name() + "|" + material, problem.errors().stream().map(FieldMessage::message)
					.collect(java.util.stream.Collectors.joining("；")));
			model.addAttribute("fileErrors", fileErrors);
			return editor(me, code, version, model);
		}
		redirect.addFlashAttribute("saved", "已上传“" + material + "”的" + k.label() + "。");
		return "redirect:/catalogue/editing/" + code + "/" + version + "#files";
	}

	@PostMapping("/{code}/{version}/files/remove")
	String removeFile(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String material,
			RedirectAttributes redirect) {
		GuideFileKind k = CatalogueApi.kind(kind);
		files.remove(me, code, version, k, material);
		redirect.addFlashAttribute("saved", "已删除“" + material + "”的" + k.label() + "。");
		return "redirect:/catalogue/editing/" + code + "/" + version + "#files";
	}

	@PostMapping("/{code}/{version}/submit")
	String submit(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			RedirectAttributes redirect) {
		editing.submit(me, code, version);
		redirect.addFlashAttribute("saved", "已提交审核。");
		return "redirect:/catalogue/editing/" + code + "/" + version;
	}

	@PostMapping("/{code}/{version}/publish")
	String publish(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			RedirectAttributes redirect) {
		editing.publish(me, code, version);
		redirect.addFlashAttribute("saved", "第 " + version + " 版已发布。");
		return "redirect:/catalogue/editing/" + code;
	}

	@PostMapping("/{code}/{version}/reject")
	String reject(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		editing.reject(me, code, version, reason);
		redirect.addFlashAttribute("saved", "已退回修改。");
		return "redirect:/catalogue/editing";
	}

	@GetMapping("/{code}/diff")
	String diff(@PathVariable String code, @RequestParam int from, @RequestParam int to, Model model) {
		model.addAttribute("guide", guide(code, to));
		model.addAttribute("diff", catalogue.diff(code, from, to));
		return "catalogue/diff";
	}

	private String show(SignedInUser me, Guide guide, EditForm form, Map<String, String> errors, Model model) {
		model.addAttribute("guide", guide);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("mayEdit", CatalogueAccess.mayEdit(me, guide.division()));
		model.addAttribute("mayReview", CatalogueAccess.mayReview(me) && !me.username().equals(guide.author()));
		model.addAttribute("published", catalogue.published(guide.code()).map(Guide::version).orElse(0));
		model.addAttribute("slots", files.slots(guide.code(), guide.version()));
		if (!model.containsAttribute("fileErrors")) {
			model.addAttribute("fileErrors", Map.of());
		}
		return "catalogue/editor";
	}

	private Guide guide(String code, int version) {
		return catalogue.version(code, version)
				.orElseThrow(() -> Problem.notFound("事项“" + code + "”没有第 " + version + " 版办事指南。"));
	}

	private GuideContent content(EditForm form) {
		GuideContent c;
		try {
			c = json.readValue(form.content() == null ? "{}" : form.content(), GuideContent.class);
		}
		catch (JacksonException ex) {
			throw Problem.invalid("content", "完整内容不是有效的 JSON，或字段类型不符：" + ex.getOriginalMessage());
		}
		return new GuideContent(form.name(), c.powersListEntry(), c.legalBasis(), form.statutoryDays(),
				form.promisedDays(), Boolean.TRUE.equals(form.immediate()), form.fee(), c.channels(),
				c.noticeCommitment(), c.keywords(), c.situationQuestions(), c.situations(), c.processSteps(), c.faqs(),
				c.licence(), form.retentionYears(), c.timeLimits(), c.form());
	}

	private String pretty(GuideContent content) {
		return json.writerWithDefaultPrettyPrinter().writeValueAsString(content);
	}

	private static Map<String, String> errors(List<FieldMessage> messages) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldMessage e : messages) {
			errors.merge(e.field(), e.message(), (a, b) -> a + "；" + b);
		}
		return errors;
	}
}
