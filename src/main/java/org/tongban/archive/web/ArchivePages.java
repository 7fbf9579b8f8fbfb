package org.tongban.archive.web;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.archive.ArchivePackages;
import org.tongban.archive.Archiving;
import org.tongban.archive.FixityCheck;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;

/** 档案查询: search form and results for staff, the latest fixity checks, and ADMIN's actions. */
@Controller
@PreAuthorize(ArchiveApi.STAFF)
class ArchivePages {

	private final ArchivePackages packages;
	private final FixityCheck fixity;
	private final Archiving archiving;
	private final ArchiveDuty duty;

	ArchivePages(ArchivePackages packages, FixityCheck fixity, Archiving archiving, ArchiveDuty duty) {
		this.duty = duty;
		this.packages = packages;
		this.fixity = fixity;
		this.archiving = archiving;
	}

	@GetMapping("/archive")
	String search(@RequestParam(required = false) String caseId, @RequestParam(required = false) String applicant,
			@RequestParam(required = false) String itemCode,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("caseId", caseId);
		model.addAttribute("applicant", applicant);
		model.addAttribute("itemCode", itemCode);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		java.util.List<org.tongban.archive.ArchivePackage> results = duty.search(me,
				new ArchivePackages.Query(caseId, applicant, itemCode, from, to));
		model.addAttribute("results", results);
		model.addAttribute("mayDownload", results.stream().filter(p -> duty.mayDownload(me, p.itemCode()))
				.map(p -> p.id()).collect(java.util.stream.Collectors.toSet()));
		model.addAttribute("runs", fixity.recent(5));
		return "archive/search";
	}

	@GetMapping("/archive/packages/{id}/download")
	@PreAuthorize(ArchiveApi.DOWNLOAD)
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		return ArchiveApi.zip(packages, duty.toDownload(me, id));
	}

	@PostMapping("/archive/fixity-check")
	@PreAuthorize("hasRole('ADMIN')")
	String check(@AuthenticationPrincipal SignedInUser me, RedirectAttributes flash) {
		FixityCheck.Report r = fixity.run(me.username());
		flash.addFlashAttribute("message", r.ok() ? "完整性检查完成：检查 " + r.checked() + " 个档案包，未发现问题。"
				: "完整性检查完成：检查 " + r.checked() + " 个档案包，发现 " + r.problems().size() + " 个问题，详见下表。");
		return "redirect:/archive";
	}

	@PostMapping("/archive/build")
	@PreAuthorize("hasRole('ADMIN')")
	String build(RedirectAttributes flash) {
		Archiving.Run r = archiving.buildPending();
		flash.addFlashAttribute("message", "已归档 " + r.archived() + " 件，失败 " + r.failed() + " 件（失败的将稍后重试）。");
		return "redirect:/archive";
	}

	@PostMapping("/archive/packages/{id}/disposal")
	@PreAuthorize("hasRole('ADMIN')")
	String dispose(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@AuthenticationPrincipal SignedInUser me, RedirectAttributes flash) {
		packages.dispose(id, me.username(), reason);
		flash.addFlashAttribute("message", "档案包已销毁，销毁记录已写入哈希链。");
		return "redirect:/archive";
	}
}
