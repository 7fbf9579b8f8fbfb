package org.tongban.catalogue.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.CatalogueAccess;
import org.tongban.catalogue.CatalogueExport;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.GuideDiff;
import org.tongban.catalogue.GuideEditing;
import org.tongban.catalogue.GuideFile;
import org.tongban.catalogue.GuideFileKind;
import org.tongban.catalogue.GuideFiles;
import org.tongban.catalogue.ItemType;
import org.tongban.catalogue.Law;
import org.tongban.catalogue.LawStatus;
import org.tongban.catalogue.LawStatusChange;
import org.tongban.catalogue.ServiceItemSummary;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/** The catalogue's JSON API: reading is public, changing is for staff (HTTP Basic or a session). */
@RestController
@RequestMapping("/api/catalogue")
class CatalogueApi {

	static final MediaType XLSX = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** A reviewer's reason for sending a version back. */
	record Rejection(String reason) {
	}

	/** A law's new status and the date it took effect. */
	record LawStatusRequest(LawStatus status, LocalDate date, String note) {
	}

	private final Catalogue catalogue;
	private final GuideEditing editing;
	private final CatalogueExport export;
	private final GuideFiles files;

	CatalogueApi(Catalogue catalogue, GuideEditing editing, CatalogueExport export, GuideFiles files) {
		this.files = files;
		this.catalogue = catalogue;
		this.editing = editing;
		this.export = export;
	}

	@GetMapping("/items")
	List<ServiceItemSummary> items(@RequestParam(required = false) String type,
			@RequestParam(required = false) String division, @RequestParam(required = false) String q) {
		return catalogue.items(type(type), division, q);
	}

	@GetMapping("/items/{code}")
	Guide published(@AuthenticationPrincipal SignedInUser me, @PathVariable String code) {
		return catalogue.published(code).map(g -> shown(me, g)).orElseThrow(() -> notFound(code));
	}

	@GetMapping("/items/{code}/versions")
	List<Guide> versions(@AuthenticationPrincipal SignedInUser me, @PathVariable String code) {
		return catalogue.versions(code).stream().filter(g -> visible(me, g)).map(g -> shown(me, g)).toList();
	}

	@GetMapping("/items/{code}/versions/{version}")
	Guide version(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version) {
		return catalogue.version(code, version).filter(g -> visible(me, g)).map(g -> shown(me, g))
				.orElseThrow(() -> Problem.notFound("事项“" + code + "”没有第 " + version + " 版办事指南。"));
	}

	@GetMapping("/items/{code}/diff")
	GuideDiff diff(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @RequestParam int from,
			@RequestParam int to) {
		version(me, code, from);
		version(me, code, to);
		return catalogue.diff(code, from, to);
	}

	@GetMapping("/laws")
	List<Law> laws() {
		return catalogue.laws();
	}

	@PostMapping("/items/{code}/drafts")
	@PreAuthorize(CatalogueAccess.WORK)
	ResponseEntity<Guide> createDraft(@AuthenticationPrincipal SignedInUser me, @PathVariable String code) {
		Guide draft = editing.createDraft(me, code);
		return ResponseEntity.created(URI.create("/api/catalogue/items/" + code + "/versions/" + draft.version()))
				.body(draft);
	}

	@PutMapping("/items/{code}/drafts/{version}")
	@PreAuthorize(CatalogueAccess.WORK)
	Guide updateDraft(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			@RequestBody GuideContent content) {
		return editing.updateDraft(me, code, version, content);
	}

	@PostMapping("/items/{code}/drafts/{version}/submit")
	@PreAuthorize(CatalogueAccess.WORK)
	Guide submit(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version) {
		return editing.submit(me, code, version);
	}

	@PostMapping("/items/{code}/drafts/{version}/publish")
	@PreAuthorize(CatalogueAccess.WORK)
	Guide publish(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version) {
		return editing.publish(me, code, version);
	}

	@PostMapping("/items/{code}/drafts/{version}/reject")
	@PreAuthorize(CatalogueAccess.WORK)
	Guide reject(@AuthenticationPrincipal SignedInUser me, @PathVariable String code, @PathVariable int version,
			@RequestBody(required = false) Rejection rejection) {
		return editing.reject(me, code, version, rejection == null ? null : rejection.reason());
	}

	@GetMapping("/items/{code}/versions/{version}/files")
	List<GuideFile> files(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version) {
		version(me, code, version);
		boolean staff = me != null && me.isStaff();
		// like the guide itself: the public sees the files, not which member of staff uploaded them
		return files.files(code, version).stream().map(f -> staff ? f : new GuideFile(f.material(), f.kind(),
				f.kindLabel(), f.filename(), f.mediaType(), f.size(), f.sha256(), null, f.uploadedAt())).toList();
	}

	@PostMapping(path = "/items/{code}/drafts/{version}/files/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(CatalogueAccess.WORK)
	ResponseEntity<GuideFile> uploadFile(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version, @PathVariable String kind, @RequestParam(required = false) String material,
			@RequestParam("file") MultipartFile file) {
		GuideFileKind k = kind(kind);
		GuideFile stored = files.upload(me, code, version, k, material, file.getOriginalFilename(), file.getSize(),
				file);
		return ResponseEntity.created(URI.create("/catalogue/items/" + code + "/files/" + k.slug() + "?version="
				+ version + "&material=" + URLEncoder.encode(stored.material(), StandardCharsets.UTF_8)))
				.body(stored);
	}

	@DeleteMapping("/items/{code}/drafts/{version}/files/{kind}")
	@PreAuthorize(CatalogueAccess.WORK)
	ResponseEntity<Void> removeFile(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable int version, @PathVariable String kind, @RequestParam(required = false) String material) {
		files.remove(me, code, version, kind(kind), material);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/laws/{id}/status")
	@PreAuthorize(CatalogueAccess.LAWS)
	LawStatusChange lawStatus(@PathVariable String id, @RequestBody LawStatusRequest request) {
		return editing.changeLawStatus(id, request.status(), request.date(), request.note());
	}

	@GetMapping("/lists/{list}.xlsx")
	ResponseEntity<byte[]> xlsx(@PathVariable String list) {
		ItemType type = ItemType.bySlug(list)
				.orElseThrow(() -> Problem.notFound("没有名为“" + list + "”的事项清单。"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(type, out);
		String name = URLEncoder.encode(type.listTitle() + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok().contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"catalogue-" + list + ".xlsx\"; "
						+ "filename*=UTF-8''" + name)
				.body(out.toByteArray());
	}

	/** Drafts and versions in review are staff's work in progress, not public record. */
	static boolean visible(SignedInUser me, Guide guide) {
		return guide.status().isPublic() || me != null && me.isStaff();
	}

	/** Staff see who wrote and reviewed a version; the public sees the guide. */
	private static Guide shown(SignedInUser me, Guide guide) {
		return me != null && me.isStaff() ? guide : guide.forPublic();
	}

	static ItemType type(String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		try {
			return ItemType.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			return ItemType.bySlug(type).orElseThrow(() -> Problem.invalid("type",
					"未知的事项类型“" + type + "”，可选 LICENSING、FILING、PUBLIC_SERVICE。"));
		}
	}

	static GuideFileKind kind(String kind) {
		return GuideFileKind.bySlug(kind)
				.orElseThrow(() -> Problem.notFound("没有“" + kind + "”这类文件，可选 blank-form（空白表格）或 sample（示范文本）。"));
	}

	private static Problem notFound(String code) {
		return Problem.notFound("未找到事项编码为“" + code + "”的政务服务事项。");
	}
}
