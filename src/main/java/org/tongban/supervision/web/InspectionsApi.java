package org.tongban.supervision.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;
import org.tongban.supervision.EnforcementRecords;
import org.tongban.supervision.InspectionForms;
import org.tongban.supervision.InspectionPhotos;
import org.tongban.supervision.Inspections;
import org.tongban.supervision.Sector;

/**
 * Inspections over HTTP: the sector forms, one inspection with what was recorded, the form's submission, photos,
 * the follow-up of a rectification order and the full-process record. Assigned inspectors record; planners read.
 */
@RestController
class InspectionsApi {

	/** The full-process record of an inspection and whether its chain re-computes. */
	record FullRecord(UUID inspection, boolean intact, Long firstBrokenSeq, List<EnforcementRecords.Step> steps) {
	}

	private final Inspections inspections;
	private final InspectionForms forms;
	private final EnforcementRecords records;

	InspectionsApi(Inspections inspections, InspectionForms forms, EnforcementRecords records) {
		this.inspections = inspections;
		this.forms = forms;
		this.records = records;
	}

	@GetMapping("/api/supervision/inspection-forms/{sector}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	InspectionForms.Form form(@PathVariable String sector) {
		return forms.of(Sector.of(sector).orElseThrow(() -> Problem.notFound("未知的行业“" + sector + "”。")));
	}

	@GetMapping("/api/supervision/inspections/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	Inspections.Inspection inspection(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return inspections.visible(id, me.username(), me.has(Role.SUPERVISOR)).orElseThrow(() -> Problem.notFound("未找到该检查任务。"));
	}

	@PostMapping("/api/supervision/inspections/{id}/finish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<Inspections.Inspection> finish(@PathVariable UUID id, @RequestBody Inspections.Finish body,
			@AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(inspections.finish(id, me.username(), me.has(Role.SUPERVISOR), body));
	}

	@PostMapping(path = "/api/supervision/inspections/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<InspectionPhotos.Photo> photo(@PathVariable UUID id, @RequestPart(name = "file", required = false)
			MultipartFile file, @AuthenticationPrincipal SignedInUser me) {
		if (file == null) {
			throw Problem.invalid("file", "请选择或拍摄一张照片");
		}
		return ResponseEntity.status(HttpStatus.CREATED).body(inspections.addPhoto(id, me.username(),
				me.has(Role.SUPERVISOR), file.getOriginalFilename(), file.getSize(), file));
	}

	@PostMapping(path = "/api/supervision/inspections/{id}/follow-up", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	Inspections.Inspection followUp(@PathVariable UUID id, @RequestParam(required = false) Boolean rectified,
			@RequestParam(required = false) String note, @RequestPart(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInUser me) {
		return inspections.followUp(id, me.username(), me.has(Role.SUPERVISOR), rectified, note,
				file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(), file);
	}

	@GetMapping("/api/supervision/inspections/{id}/record")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	FullRecord record(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		List<EnforcementRecords.Step> steps = inspections.record(id, me.username(), me.has(Role.SUPERVISOR));
		EnforcementRecords.Verification v = records.verify(EnforcementRecords.Subject.INSPECTION, id);
		return new FullRecord(id, v.intact(), v.firstBrokenSeq(), steps);
	}
}
