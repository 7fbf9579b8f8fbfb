package org.tongban.licences.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.shared.Problem;

/** "My licences" for holders, the register with search and Excel export for staff, and a licence's page. */
@Controller
class LicencePages {

	static final String STAFF = "hasAnyRole('CLERK','APPROVER','INSPECTOR','DIVISION_STAFF','LEADER','ADMIN')";

	private static final Map<String, String> ACTIONS = Map.of("ISSUE", "发证", "SUSPEND", "暂停", "RESTORE", "恢复",
			"REVOKE", "撤销", "CHANGE", "变更", "RENEW", "延续", "CANCEL", "注销", "REISSUE", "补证");

	private final Licences licences;
	private final LicenceDuty duty;
	private final org.tongban.identity.StaffDirectory staff;

	LicencePages(Licences licences, LicenceDuty duty, org.tongban.identity.StaffDirectory staff) {
		this.staff = staff;
		this.licences = licences;
		this.duty = duty;
	}

	@GetMapping("/licences/mine")
	@PreAuthorize("isAuthenticated()")
	String mine(@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("licences", licences.ownedBy(me.username()).stream().map(this::view).toList());
		return "licences/mine";
	}

	@GetMapping("/licences")
	@PreAuthorize(STAFF)
	String register(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Licences.Page p = licences.search(q, duty.registerItems(me), page, 50);
		model.addAttribute("q", q);
		model.addAttribute("page", p);
		model.addAttribute("licences", p.items().stream().map(duty::listed).toList());
		return "licences/register";
	}

	@GetMapping("/licences/export.xlsx")
	@PreAuthorize(STAFF)
	ResponseEntity<byte[]> export(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String q)
			throws IOException {
		List<Licence> all = licences.register(q, duty.registerItems(me));
		duty.exported(me, q, all.size());
		try (SXSSFWorkbook wb = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = wb.createSheet("证照登记簿");
			String[] head = { "证照编号", "证照名称", "事项编码", "事项名称", "持证人", "许可范围", "有效期起", "有效期止", "发证日期", "状态" };
			Row h = sheet.createRow(0);
			for (int i = 0; i < head.length; i++) {
				h.createCell(i).setCellValue(head[i]);
			}
			int r = 1;
			for (Licence l : all) {
				Row row = sheet.createRow(r++);
				String[] v = { l.number(), l.name(), l.itemCode(), l.itemName(), l.holderName(), l.scope(),
						l.validFrom().toString(), l.validUntil() == null ? "长期" : l.validUntil().toString(),
						l.issuedOn().toString(), licences.status(l).label() };
				for (int i = 0; i < v.length; i++) {
					row.createCell(i).setCellValue(v[i]);
				}
			}
			wb.write(out);
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename("证照登记簿.xlsx", StandardCharsets.UTF_8).build().toString())
				.body(out.toByteArray());
		}
	}

	@GetMapping("/licences/{number}")
	@PreAuthorize("isAuthenticated()")
	String detail(@AuthenticationPrincipal SignedInUser me, @PathVariable String number, Model model) {
		populate(me, duty.visible(me, number), model);
		return "licences/detail";
	}

	private void populate(SignedInUser me, Licence l, Model model) {
		model.addAttribute("l", duty.view(me, l, "证照详情"));
		var history = licences.history(l.number());
		model.addAttribute("history", history);
		// who acted, by the name people know them by
		Map<String, String> names = new java.util.HashMap<>();
		history.forEach(h -> names.computeIfAbsent(String.valueOf(h.actor()), staff::nameOf));
		model.addAttribute("actorNames", names);
		model.addAttribute("actions", ACTIONS);
		model.addAttribute("signature", licences.signature(l));
		model.addAttribute("approver", me.has(Role.APPROVER) && duty.personal(me, l));
	}

	/**
	 * Suspends, restores or revokes. Revoking cannot be undone: it is asked again on the page, with its reason,
	 * before it is done.
	 */
	@PostMapping("/licences/{number}/actions")
	@PreAuthorize("hasRole('APPROVER')")
	String act(@AuthenticationPrincipal SignedInUser me, @PathVariable String number, @RequestParam String action,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String confirmed,
			Model model, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		Licences.Action a = LicenceApi.action(action);
		Licence l = duty.ofMyDivision(me, number);
		if (a == Licences.Action.REVOKE && !"true".equals(confirmed)) {
			if (reason == null || reason.isBlank()) {
				throw Problem.invalid("reason", "请填写撤销的原因。");
			}
			populate(me, l, model);
			model.addAttribute("confirmRevoke", reason.strip());
			return "licences/detail";
		}
		Licence done = licences.act(l.number(), a, me.username(), reason);
		redirect.addFlashAttribute("outcome", switch (a) {
			case SUSPEND -> "已暂停证照 " + done.number() + "，核验页显示“暂停”；恢复后重新有效。";
			case RESTORE -> "已恢复证照 " + done.number() + "，核验页显示“有效”。";
			case REVOKE -> "已撤销证照 " + done.number() + "，证照失效，核验页显示“已撤销”，不能恢复。";
		});
		return "redirect:/licences/" + java.net.URLEncoder.encode(number, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private LicenceView view(Licence l) {
		return LicenceView.of(l, licences);
	}
}
