package org.tongban.licences.web;

import java.util.List;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;
import org.tongban.licences.Licence;
import org.tongban.licences.LicenceHistoryEntry;
import org.tongban.licences.Licences;
import org.tongban.shared.Problem;

/**
 * Licences for staff (the register) and holders (their own). Another holder's licence answers 404, as an
 * unknown number does. Suspend, restore and revoke are for approvers, with a reason.
 */
@RestController
@RequestMapping("/api/licences")
class LicenceApi {

	private final Licences licences;
	private final LicenceDuty duty;

	LicenceApi(Licences licences, LicenceDuty duty) {
		this.licences = licences;
		this.duty = duty;
	}

	record ListResponse(List<LicenceView> items, int page, int size, long total) {
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	ListResponse list(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
		if (me.isStaff()) {
			Licences.Page p = licences.search(q, duty.registerItems(me), page, size);
			return new ListResponse(p.items().stream().map(duty::listed).toList(), p.page(), p.size(), p.total());
		}
		List<LicenceView> own = licences.ownedBy(me.username()).stream().map(this::view).toList();
		return new ListResponse(own, 0, own.size(), own.size());
	}

	@GetMapping("/{number}")
	@PreAuthorize("isAuthenticated()")
	LicenceView one(@AuthenticationPrincipal SignedInUser me, @PathVariable String number) {
		return duty.view(me, duty.visible(me, number), "证照详情（接口）");
	}

	@GetMapping("/{number}/history")
	@PreAuthorize("isAuthenticated()")
	List<LicenceHistoryEntry> history(@AuthenticationPrincipal SignedInUser me, @PathVariable String number) {
		return licences.history(visible(me, number).number());
	}

	@GetMapping("/{number}/pdf")
	@PreAuthorize("isAuthenticated()")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInUser me, @PathVariable String number) {
		Licence l = duty.visible(me, number);
		if (!duty.personal(me, l)) {
			// the licence's PDF carries the holder's ID number: only for those who may see it in full
			throw Problem.notFound("未找到该证照。");
		}
		duty.view(me, l, "证照文件（PDF）");
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(l.name() + "-" + l.number() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(licences.pdf(l));
	}

	@GetMapping("/{number}/signature")
	@PreAuthorize("isAuthenticated()")
	Licences.SignatureView signature(@AuthenticationPrincipal SignedInUser me, @PathVariable String number) {
		return licences.signature(visible(me, number));
	}

	record ActionRequest(String reason) {
	}

	@PostMapping("/{number}/actions/{action}")
	@PreAuthorize("hasRole('APPROVER')")
	LicenceView act(@AuthenticationPrincipal SignedInUser me, @PathVariable String number,
			@PathVariable String action, @RequestBody(required = false) ActionRequest body) {
		Licences.Action a = action(action);
		Licence l = licences.act(duty.ofMyDivision(me, number).number(), a, me.username(), body == null ? null : body.reason());
		return view(l);
	}

	static Licences.Action action(String name) {
		return switch (name.toLowerCase(Locale.ROOT)) {
			case "suspend" -> Licences.Action.SUSPEND;
			case "restore" -> Licences.Action.RESTORE;
			case "revoke" -> Licences.Action.REVOKE;
			default -> throw Problem.notFound("没有这个操作：" + name);
		};
	}

	private Licence visible(SignedInUser me, String number) {
		return duty.visible(me, number);
	}

	private LicenceView view(Licence l) {
		return LicenceView.of(l, licences);
	}
}
