package org.tongban.benefits;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.SignedInUser;

/**
 * Where a programme is delivered, kept by the staff of the division that owns it: its institutions, the slots
 * opened at them, the bookings, and services done. Another division's programme (or anyone else) answers 404.
 */
@RestController
class InstitutionsApi {

	record SlotsRequest(LocalDate from, LocalDate to, List<String> bands, Integer capacity) {
	}

	record ServedRequest(LocalDate date) {
	}

	record InstitutionDetail(Institutions.Institution institution, List<Institutions.Slot> slots,
			List<Institutions.Booking> bookings) {
	}

	private final Institutions institutions;
	private final Entitlements entitlements;
	private final BenefitsDuty duty;

	InstitutionsApi(Institutions institutions, Entitlements entitlements, BenefitsDuty duty) {
		this.institutions = institutions;
		this.entitlements = entitlements;
		this.duty = duty;
	}

	@GetMapping("/api/benefits/programmes/{code}/institutions")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	Map<String, Object> list(@PathVariable String code, @RequestParam(required = false) String street,
			@AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		return Map.of("items", institutions.of(code, street));
	}

	@PostMapping("/api/benefits/programmes/{code}/institutions")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	ResponseEntity<Institutions.Institution> add(@PathVariable String code,
			@RequestBody(required = false) Institutions.NewInstitution body, @AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		return ResponseEntity.status(HttpStatus.CREATED).body(institutions.add(code, body, me.username()));
	}

	@GetMapping("/api/benefits/programmes/{code}/institutions/{id}")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	InstitutionDetail detail(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		return new InstitutionDetail(institutions.get(code, id), institutions.upcoming(id), institutions.bookings(id));
	}

	@PostMapping("/api/benefits/programmes/{code}/institutions/{id}/close")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	Institutions.Institution close(@PathVariable String code, @PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		return institutions.close(code, id, me.username());
	}

	@PostMapping("/api/benefits/programmes/{code}/institutions/{id}/slots")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	ResponseEntity<Institutions.Opened> open(@PathVariable String code, @PathVariable UUID id,
			@RequestBody(required = false) SlotsRequest body, @AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		SlotsRequest r = body == null ? new SlotsRequest(null, null, null, null) : body;
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(institutions.open(code, id, r.from(), r.to(), r.bands(), r.capacity(), me.username()));
	}

	@PostMapping("/api/benefits/programmes/{code}/entitlements/{id}/served")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	Institutions.Booking served(@PathVariable String code, @PathVariable UUID id,
			@RequestBody(required = false) ServedRequest body, @AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		return entitlements.serve(code, id, body == null ? null : body.date(), me.username());
	}
}
