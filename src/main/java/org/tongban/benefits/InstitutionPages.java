package org.tongban.benefits;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * The pages where the division that owns a programme keeps its institutions: list and add them, open slots, close
 * one, and record a booked service done. Refused input comes back beside its field; another division's programme
 * answers 404.
 */
@Controller
class InstitutionPages {

	private final Institutions institutions;
	private final Entitlements entitlements;
	private final BenefitsDuty duty;
	private final Clock clock;

	InstitutionPages(Institutions institutions, Entitlements entitlements, BenefitsDuty duty, Clock clock) {
		this.institutions = institutions;
		this.entitlements = entitlements;
		this.duty = duty;
		this.clock = clock;
	}

	@GetMapping("/benefits/programmes/{code}/institutions")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String list(@PathVariable String code, @RequestParam(required = false) String street,
			@RequestParam(required = false) String done, @AuthenticationPrincipal SignedInUser me, Model model) {
		Programme programme = duty.programmeOf(me, code);
		return list(programme, street, done, Map.of(), Map.of(), model);
	}

	private String list(Programme programme, String street, String done, Map<String, String> errors,
			Map<String, String> form, Model model) {
		model.addAttribute("programme", programme);
		model.addAttribute("street", street == null ? "" : street);
		model.addAttribute("streets", institutions.streets());
		model.addAttribute("institutions", institutions.of(programme.code(), street));
		model.addAttribute("done", done);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		return "benefits/institutions";
	}

	@PostMapping("/benefits/programmes/{code}/institutions")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String add(@PathVariable String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String street, @RequestParam(required = false) String address,
			@RequestParam(required = false) String phone, @AuthenticationPrincipal SignedInUser me, Model model) {
		Programme programme = duty.programmeOf(me, code);
		try {
			Institutions.Institution added = institutions.add(code, new Institutions.NewInstitution(name, street, address, phone),
					me.username());
			return "redirect:/benefits/programmes/" + code + "/institutions/" + added.id() + "?done=added";
		}
		catch (Problem p) {
			Map<String, String> form = new HashMap<>();
			form.put("name", name == null ? "" : name);
			form.put("street", street == null ? "" : street);
			form.put("address", address == null ? "" : address);
			form.put("phone", phone == null ? "" : phone);
			return list(programme, null, null, errors(p), form, model);
		}
	}

	@GetMapping("/benefits/programmes/{code}/institutions/{id}")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String detail(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String done,
			@RequestParam(required = false) Integer created, @AuthenticationPrincipal SignedInUser me, Model model) {
		Programme programme = duty.programmeOf(me, code);
		model.addAttribute("created", created);
		return detail(programme, id, done, null, Map.of(), Map.of(), model);
	}

	private String detail(Programme programme, UUID id, String done, UUID failed, Map<String, String> errors,
			Map<String, String> form, Model model) {
		Institutions.Institution institution = institutions.get(programme.code(), id);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("programme", programme);
		model.addAttribute("institution", institution);
		model.addAttribute("slots", institutions.upcoming(id));
		model.addAttribute("bookings", institutions.bookings(id));
		model.addAttribute("today", today);
		model.addAttribute("done", done);
		model.addAttribute("failed", failed);
		model.addAttribute("errors", errors);
		model.addAttribute("form", form);
		model.addAttribute("defaultFrom", today.plusDays(1));
		model.addAttribute("defaultTo", today.plusWeeks(2));
		return "benefits/institution";
	}

	@PostMapping("/benefits/programmes/{code}/institutions/{id}/close")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String close(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		Programme programme = duty.programmeOf(me, code);
		try {
			institutions.close(code, id, me.username());
			return "redirect:/benefits/programmes/" + code + "/institutions/" + id + "?done=closed";
		}
		catch (Problem p) {
			if (p.status().value() != 409) {
				throw p;
			}
			return detail(programme, id, null, null, Map.of("institution", p.detail()), Map.of(), model);
		}
	}

	@PostMapping("/benefits/programmes/{code}/institutions/{id}/slots")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String open(@PathVariable String code, @PathVariable UUID id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) List<String> bands,
			@RequestParam(required = false) String capacity, @AuthenticationPrincipal SignedInUser me, Model model) {
		Programme programme = duty.programmeOf(me, code);
		try {
			List<FieldMessage> unreadable = new java.util.ArrayList<>();
			LocalDate first = date("from", from, unreadable);
			LocalDate last = date("to", to, unreadable);
			Integer places = null;
			if (capacity != null && !capacity.isBlank()) {
				try {
					places = Integer.valueOf(capacity.trim());
				}
				catch (NumberFormatException ex) {
					unreadable.add(new FieldMessage("capacity", "每个时段可约人数请填整数"));
				}
			}
			if (!unreadable.isEmpty()) {
				throw Problem.invalid(unreadable);
			}
			Institutions.Opened opened = institutions.open(code, id, first, last, bands, places, me.username());
			return "redirect:/benefits/programmes/" + code + "/institutions/" + id + "?done=opened&created=" + opened.created();
		}
		catch (Problem p) {
			if (p.errors().isEmpty() && p.status().value() != 409) {
				throw p;
			}
			Map<String, String> form = new HashMap<>();
			form.put("from", from == null ? "" : from);
			form.put("to", to == null ? "" : to);
			form.put("capacity", capacity == null ? "" : capacity);
			form.put("bands", bands == null ? "" : String.join(",", bands));
			return detail(programme, id, null, null, errors(p), form, model);
		}
	}

	@PostMapping("/benefits/programmes/{code}/entitlements/{entitlement}/served")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	String served(@PathVariable String code, @PathVariable UUID entitlement, @RequestParam(required = false) String date,
			@RequestParam(required = false) String institution, @AuthenticationPrincipal SignedInUser me, Model model) {
		Programme programme = duty.programmeOf(me, code);
		UUID at = null;
		try {
			at = institution == null ? null : UUID.fromString(institution);
		}
		catch (IllegalArgumentException ex) {
			at = null;
		}
		try {
			List<FieldMessage> unreadable = new java.util.ArrayList<>();
			LocalDate day = date("date", date, unreadable);
			if (!unreadable.isEmpty()) {
				throw Problem.invalid(unreadable);
			}
			entitlements.serve(code, entitlement, day, me.username());
			return at == null ? "redirect:/benefits/programmes/" + code + "/institutions?done=served"
					: "redirect:/benefits/programmes/" + code + "/institutions/" + at + "?done=served";
		}
		catch (Problem p) {
			if ((p.errors().isEmpty() && p.status().value() != 409) || at == null) {
				throw p;
			}
			Map<String, String> errors = new HashMap<>(errors(p));
			if (p.errors().isEmpty()) {
				errors.put("date", p.detail());
			}
			return detail(programme, at, null, entitlement, errors, Map.of(), model);
		}
	}

	private static LocalDate date(String field, String text, List<FieldMessage> unreadable) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			unreadable.add(new FieldMessage(field, "请按 年-月-日 填写日期"));
			return null;
		}
	}

	private static Map<String, String> errors(Problem p) {
		Map<String, String> errors = new HashMap<>();
		for (FieldMessage m : p.errors()) {
			errors.merge(m.field(), m.message(), (a, b) -> a + "；" + b);
		}
		if (p.errors().isEmpty()) {
			errors.put("institution", p.detail());
		}
		return errors;
	}
}
