package org.tongban.reform.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.SignedInUser;
import org.tongban.reform.ImportResult;
import org.tongban.reform.ReformAccess;
import org.tongban.reform.TaskImport;
import org.tongban.shared.Problem;

/**
 * Upload → preview with every problem → confirm. The uploaded file is kept in the file store between
 * the two steps (by its hash), so the confirmed import is exactly the previewed file.
 */
@Controller
@PreAuthorize(ReformAccess.IMPORT)
class ImportPages {

	private final TaskImport imports;

	ImportPages(TaskImport imports) {
		this.imports = imports;
	}

	@GetMapping("/reform/import")
	String form() {
		return "reform/import";
	}

	@PostMapping("/reform/import")
	String preview(@RequestParam(name = "file", required = false) MultipartFile file, Model model) {
		if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
			model.addAttribute("fileError", "请选择要导入的 .xlsx 文件。");
			return "reform/import";
		}
		ImportResult result;
		try {
			result = imports.preview(file, file.getSize());
		}
		catch (Problem tooLarge) {
			model.addAttribute("fileError", tooLarge.detail());
			return "reform/import";
		}
		model.addAttribute("result", result);
		model.addAttribute("filename", file.getOriginalFilename());
		if (result.valid()) {
			model.addAttribute("key", imports.keep(file));
		}
		return "reform/import";
	}

	@PostMapping("/reform/import/confirm")
	String confirm(@AuthenticationPrincipal SignedInUser me, @RequestParam String key, Model model,
			RedirectAttributes redirect) {
		try {
			ImportResult result = imports.commitKept(key, me.username());
			redirect.addFlashAttribute("imported",
					"导入完成：新增 " + result.created() + " 项任务，更新 " + result.updated() + " 项任务（进度和报告均已保留）。");
			return "redirect:/reform/tasks";
		}
		catch (Problem problem) {
			if (problem.errors().isEmpty()) {
				throw problem;
			}
			model.addAttribute("result", imports.previewKept(key));
			return "reform/import";
		}
	}
}
