package org.tongban.integrated.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.tongban.cases.CaseRecords;
import org.tongban.identity.SignedInUser;
import org.tongban.integrated.IndustryPackage;
import org.tongban.integrated.IndustryPackages;
import org.tongban.integrated.IntegratedApplication;
import org.tongban.integrated.IntegratedApplications;
import org.tongban.shared.Problem;

/**
 * The 一业一证 application API. {@code POST /api/integrated/applications} is multipart: part {@code application}
 * (JSON: packageCode, answers, form, phone, applicantName) and one file per document of the merged list, named
 * {@code documents.<code>}; JSON alone when the list asks for no upload. Idempotent by {@code Idempotency-Key}
 * (201 first, 200 on a replay). Lifecycle applications name the integrated licence, documents by the catalogue's name.
 */
@RestController
class ApplicationApi {

	private final IntegratedApplications applications;
	private final IndustryPackages packages;
	private final CaseRecords cases;

	ApplicationApi(IntegratedApplications applications, IndustryPackages packages, CaseRecords cases) {
		this.applications = applications;
		this.packages = packages;
		this.cases = cases;
	}

	@PostMapping(path = "/api/integrated/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ApplicationView> submit(@AuthenticationPrincipal SignedInUser me,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestPart("application") IntegratedApplications.NewApplication request,
			MultipartHttpServletRequest multipart) {
		return created(applications.submit(me, key, request, uploads(multipart)));
	}

	@PostMapping(path = "/api/integrated/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApplicationView> submitJson(@AuthenticationPrincipal SignedInUser me,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody IntegratedApplications.NewApplication request) {
		return created(applications.submit(me, key, request, Map.of()));
	}

	@GetMapping("/api/integrated/applications")
	List<ApplicationView> mine(@AuthenticationPrincipal SignedInUser me) {
		return applications.mine(me).stream().map(this::view).toList();
	}

	@GetMapping("/api/integrated/applications/{id}")
	ApplicationView get(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		return view(applications.get(me, id));
	}

	/** What a change / renewal / cancellation / reissue of the licence would need to upload. */
	@GetMapping("/api/integrated/licences/{number}/documents")
	List<IntegratedApplications.NeededDocument> documents(@AuthenticationPrincipal SignedInUser me,
			@PathVariable String number, @RequestParam IntegratedApplication.Kind kind,
			@RequestParam(name = "changed", required = false) Set<String> changed) {
		return applications.neededDocuments(me, number, kind, changed == null ? Set.of() : changed);
	}

	/** The lifecycle body: kind (CHANGE, RENEW, CANCEL, REISSUE), changes (integrated field → value), phone. */
	record LifecycleBody(IntegratedApplication.Kind kind, Map<String, Object> changes, String phone) {
	}

	@PostMapping(path = "/api/integrated/licences/{number}/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ApplicationView> act(@AuthenticationPrincipal SignedInUser me, @PathVariable String number,
			@RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestPart("application") LifecycleBody body, MultipartHttpServletRequest multipart) {
		return created(applications.act(me, key, lifecycle(number, body), uploads(multipart)));
	}

	@PostMapping(path = "/api/integrated/licences/{number}/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ApplicationView> actJson(@AuthenticationPrincipal SignedInUser me, @PathVariable String number,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody LifecycleBody body) {
		return created(applications.act(me, key, lifecycle(number, body), Map.of()));
	}

	private static IntegratedApplications.LifecycleRequest lifecycle(String number, LifecycleBody body) {
		if (body == null) {
			throw Problem.invalid("kind", "请选择变更、延续、注销或补证。");
		}
		return new IntegratedApplications.LifecycleRequest(number, body.kind(), body.changes(), body.phone());
	}

	private ResponseEntity<ApplicationView> created(IntegratedApplications.Submitted s) {
		ApplicationView view = view(s.application());
		return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(URI.create("/api/integrated/applications/" + view.id())).body(view);
	}

	ApplicationView view(IntegratedApplication a) {
		String name = packages.version(a.packageCode(), a.packageVersion()).map(IndustryPackage::name)
			.orElse(a.packageCode());
		return ApplicationView.of(a, name, cases);
	}

	/** The files named {@code documents.<key>}, by key. */
	static Map<String, IntegratedApplications.Upload> uploads(MultipartHttpServletRequest multipart) {
		Map<String, IntegratedApplications.Upload> out = new LinkedHashMap<>();
		multipart.getFileMap().forEach((name, file) -> {
			if (name.startsWith("documents.") && !file.isEmpty()) {
				out.put(name.substring("documents.".length()), upload(file));
			}
		});
		return out;
	}

	private static IntegratedApplications.Upload upload(MultipartFile file) {
		try {
			return new IntegratedApplications.Upload(file.getOriginalFilename(), file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
