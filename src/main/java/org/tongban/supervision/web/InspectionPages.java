package org.tongban.supervision.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.supervision.Assignments;
import org.tongban.supervision.EnforcementRecords;
import org.tongban.supervision.InspectionForms;
import org.tongban.supervision.InspectionPhotos;
import org.tongban.supervision.Inspections;
import org.tongban.supervision.Sector;

/**
 * The inspector's pages, made for a phone on site: their own inspections, and one inspection with its form, photos
 * from the camera, the rectification order and its follow-up. Planners see every inspection and record none.
 */
@Controller
class InspectionPages {

	/** A row of the list. */
	record Row(Assignments.Assignment a, String outcome) {
	}

	/** One item of the form as the page shows it: what was typed and the complaint, if any. */
	record FormField(int number, InspectionForms.Item item, String result, String note, String error) {
	}

	private final Assignments assignments;
	private final Inspections inspections;
	private final InspectionForms forms;
	private final InspectionPhotos photos;
	private final EnforcementRecords records;

	InspectionPages(Assignments assignments, Inspections inspections, InspectionForms forms, InspectionPhotos photos,
			EnforcementRecords records) {
		this.records = records;
		this.assignments = assignments;
		this.inspections = inspections;
		this.forms = forms;
		this.photos = photos;
	}

	@GetMapping("/supervision/inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String list(@AuthenticationPrincipal SignedInUser me, Model model) {
		boolean planner = me.has(Role.SUPERVISOR) && !me.has(Role.INSPECTOR);
		List<Assignments.Assignment> list = planner ? assignments.all(500) : assignments.of(me.username());
		Map<UUID, Inspections.Outcome> outcomes = inspections.outcomesOf(list.stream().map(Assignments.Assignment::id).toList());
		model.addAttribute("planner", planner);
		model.addAttribute("rows", list.stream().map(a -> new Row(a, outcomes.get(a.id()).label())).toList());
		return "supervision/inspections";
	}

	@GetMapping("/supervision/inspections/{id}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String inspection(@PathVariable UUID id, @RequestParam(required = false) String done,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		model.addAttribute("done", switch (done == null ? "" : done) {
			case "finish" -> "检查结果已保存。";
			case "photo" -> "照片已上传，已记入执法全过程记录。";
			case "follow-up" -> "复查结果已保存。";
			default -> null;
		});
		return page(id, me, model, Map.of(), null, null);
	}

	@PostMapping("/supervision/inspections/{id}/finish")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String finish(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		Inspections.Inspection i = visible(id, me);
		Map<String, Inspections.Answer> answers = new LinkedHashMap<>();
		for (InspectionForms.Item item : forms.of(Sector.valueOf(i.sector())).items()) {
			String result = params.getFirst("result-" + item.code());
			String note = params.getFirst("note-" + item.code());
			if (result != null || note != null && !note.isBlank()) {
				answers.put(item.code(), new Inspections.Answer(result, note));
			}
		}
		Integer days = number(params.getFirst("workingDays"));
		try {
			inspections.finish(id, me.username(), me.has(Role.SUPERVISOR), new Inspections.Finish(answers,
					params.getFirst("findings"), days, params.getFirst("requirement")));
			return "redirect:/supervision/inspections/" + id + "?done=finish";
		}
		catch (Problem p) {
			if (p.status().value() == 404 || p.status().value() == 403) {
				throw p;
			}
			return page(id, me, model, errors(p), p.errors().isEmpty() ? p.detail() : null, params);
		}
	}

	@PostMapping("/supervision/inspections/{id}/photos")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String photo(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		try {
			if (file == null || file.isEmpty()) {
				throw Problem.invalid("file", "请选择或拍摄一张照片");
			}
			inspections.addPhoto(id, me.username(), me.has(Role.SUPERVISOR), file.getOriginalFilename(), file.getSize(), file);
			return "redirect:/supervision/inspections/" + id + "?done=photo#photos";
		}
		catch (Problem p) {
			if (p.status().value() == 404 || p.status().value() == 403) {
				throw p;
			}
			model.addAttribute("photoError", p.errors().isEmpty() ? p.detail() : p.errors().get(0).message());
			return page(id, me, model, Map.of(), null, null);
		}
	}

	@PostMapping("/supervision/inspections/{id}/follow-up")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	String followUp(@PathVariable UUID id, @RequestParam(required = false) String rectified,
			@RequestParam(required = false) String note, @RequestParam(name = "file", required = false) MultipartFile file,
			@AuthenticationPrincipal SignedInUser me, Model model) {
		Boolean done = rectified == null ? null : switch (rectified) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		};
		try {
			inspections.followUp(id, me.username(), me.has(Role.SUPERVISOR), done, note,
					file == null ? null : file.getOriginalFilename(), file == null ? 0 : file.getSize(),
					file == null || file.isEmpty() ? null : file);
			return "redirect:/supervision/inspections/" + id + "?done=follow-up";
		}
		catch (Problem p) {
			if (p.status().value() == 404 || p.status().value() == 403) {
				throw p;
			}
			model.addAttribute("followUpErrors", errors(p));
			model.addAttribute("followUpError", p.errors().isEmpty() ? p.detail() : null);
			model.addAttribute("typedRectified", rectified);
			model.addAttribute("typedNote", note);
			return page(id, me, model, Map.of(), null, null);
		}
	}

	@GetMapping("/supervision/inspections/{id}/photos/{photo}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<InputStreamResource> image(@PathVariable UUID id, @PathVariable UUID photo,
			@AuthenticationPrincipal SignedInUser me) throws IOException {
		visible(id, me);
		Map.Entry<String, InputStream> stored = photos.open(id, photo)
			.orElseThrow(() -> Problem.notFound("未找到该照片。"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(stored.getKey()))
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(stored.getValue()));
	}

	private Inspections.Inspection visible(UUID id, SignedInUser me) {
		return inspections.visible(id, me.username(), me.has(Role.SUPERVISOR))
			.orElseThrow(() -> Problem.notFound("未找到该检查任务。"));
	}

	private String page(UUID id, SignedInUser me, Model model, Map<String, String> errors, String error,
			MultiValueMap<String, String> typed) {
		Inspections.Inspection i = visible(id, me);
		InspectionForms.Form form = forms.of(Sector.valueOf(i.sector()));
		List<FormField> fields = new ArrayList<>();
		int n = 0;
		for (InspectionForms.Item item : form.items()) {
			n++;
			fields.add(new FormField(n, item, typed == null ? null : typed.getFirst("result-" + item.code()),
					typed == null ? null : typed.getFirst("note-" + item.code()), errors.get("items." + item.code())));
		}
		model.addAttribute("i", i);
		model.addAttribute("form", form);
		model.addAttribute("fields", fields);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("typed", typed == null ? Map.of() : typed.toSingleValueMap());
		model.addAttribute("canRecord", inspections.assigned(id, me.username()));
		model.addAttribute("results", List.of(Inspections.Result.values()));
		model.addAttribute("steps", inspections.record(id, me.username(), me.has(Role.SUPERVISOR)));
		model.addAttribute("intact", records.verify(EnforcementRecords.Subject.INSPECTION, id).intact());
		if (!model.containsAttribute("followUpErrors")) {
			model.addAttribute("followUpErrors", Map.of());
		}
		return "supervision/inspection";
	}

	private static Map<String, String> errors(Problem p) {
		Map<String, String> errors = new HashMap<>();
		for (FieldMessage m : p.errors()) {
			errors.merge(m.field(), m.message(), (a, b) -> a + "；" + b);
		}
		return errors;
	}

	private static Integer number(String text) {
		try {
			return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}
}
