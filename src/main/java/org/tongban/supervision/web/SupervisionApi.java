package org.tongban.supervision.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.licences.Licence;
import org.tongban.shared.Problem;
import org.tongban.supervision.Assignments;
import org.tongban.supervision.Draws;
import org.tongban.supervision.Grade;
import org.tongban.supervision.Grading;
import org.tongban.supervision.Inspectors;
import org.tongban.supervision.Overrides;
import org.tongban.supervision.Plan;
import org.tongban.supervision.Register;
import org.tongban.supervision.RegulatedEntity;
import org.tongban.supervision.Sector;

/**
 * 监督执法 over HTTP for the Health Supervision Institute: the register with explained grades, plans, the draw and
 * overrides (planners), and each inspector's own inspections.
 */
@RestController
class SupervisionApi {

	/** A credit event recorded by staff. */
	record NewCreditEvent(String kind, LocalDate occurredOn, String note) {
	}

	/** An entity with its grades, why, and the licences it holds. */
	record EntityDetail(String uscc, String name, String sector, String sectorLabel, String address, String street,
			String creditGrade, String riskGrade, String combinedClass, List<Grade.Reason> reasons,
			List<HeldLicence> licences) {
	}

	record HeldLicence(String number, String name, String itemCode, String status, LocalDate validUntil) {
	}

	record EntityRow(String uscc, String name, String sector, String street, String creditGrade, String riskGrade,
			String combinedClass) {
	}

	record EntityPage(List<EntityRow> items, int page, int size, long total) {
	}

	/** The draw as planners see it: inspectors with names. */
	record StaffDraw(UUID id, UUID planId, String seed, String algorithm, List<DrawnEntity> entities,
			List<NamedInspector> inspectors, List<Overrides.Override> overrides) {
	}

	record DrawnEntity(int seq, String uscc, String name, String combinedClass, List<String> inspectors,
			List<String> drawnInspectors) {
	}

	record NamedInspector(String code, String name) {
	}

	private final Register register;
	private final Grading grading;
	private final Draws draws;
	private final Overrides overrides;
	private final Inspectors inspectors;
	private final Assignments assignments;
	private final java.time.Clock clock;

	SupervisionApi(Register register, Grading grading, Draws draws, Overrides overrides, Inspectors inspectors,
			Assignments assignments, java.time.Clock clock) {
		this.register = register;
		this.grading = grading;
		this.draws = draws;
		this.overrides = overrides;
		this.inspectors = inspectors;
		this.assignments = assignments;
		this.clock = clock;
	}

	@GetMapping("/api/supervision/entities")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	EntityPage entities(@RequestParam(required = false) String sector, @RequestParam(name = "class", required = false)
			String combined, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		Sector s = null;
		if (sector != null && !sector.isBlank()) {
			s = Sector.of(sector).orElseThrow(() -> Problem.invalid("sector", "未知的行业“" + sector + "”"));
		}
		if (combined != null && !combined.isBlank() && !List.of("A", "B", "C", "D").contains(combined)) {
			throw Problem.invalid("class", "分类须为 A、B、C、D 之一");
		}
		if (page < 0 || size < 1 || size > 500) {
			throw Problem.invalid("size", "每页 1–500 条，页码从 0 起");
		}
		Register.Page p = register.list(s, combined == null || combined.isBlank() ? null : combined, page, size);
		return new EntityPage(p.items().stream().map(e -> new EntityRow(e.uscc(), e.name(), e.sector().name(), e.street(),
				e.credit(), e.risk(), e.combined())).toList(), p.page(), p.size(), p.total());
	}

	@GetMapping("/api/supervision/entities/{uscc}")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	EntityDetail entity(@PathVariable String uscc) {
		RegulatedEntity e = register.find(uscc).orElseThrow(() -> Problem.notFound("登记册中没有该单位。"));
		LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
		List<HeldLicence> held = register.licencesOf(e.uscc()).stream()
			.map((Licence l) -> new HeldLicence(l.number(), l.name(), l.itemCode(), l.status(today).name(), l.validUntil()))
			.toList();
		return new EntityDetail(e.uscc(), e.name(), e.sector().name(), e.sectorLabel(), e.address(), e.street(), e.credit(),
				e.risk(), e.combined(), e.reasons(), held);
	}

	@PostMapping("/api/supervision/entities")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<EntityDetail> registerEntity(@RequestBody Register.NewEntity body) {
		RegulatedEntity e = register.register(body);
		return ResponseEntity.status(HttpStatus.CREATED).body(entity(e.uscc()));
	}

	@PostMapping("/api/supervision/entities/{uscc}/credit-events")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<EntityDetail> creditEvent(@PathVariable String uscc, @RequestBody NewCreditEvent body,
			@AuthenticationPrincipal SignedInUser me) {
		RegulatedEntity e = register.find(uscc).orElseThrow(() -> Problem.notFound("登记册中没有该单位。"));
		grading.record(e.uscc(), body.kind(), body.occurredOn(), body.note(), me.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(entity(e.uscc()));
	}

	@PostMapping("/api/supervision/grading")
	@PreAuthorize("hasRole('SUPERVISOR')")
	Map<String, Object> regradeAll() {
		long started = System.nanoTime();
		int n = grading.regradeAll();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("entities", n);
		out.put("millis", (System.nanoTime() - started) / 1_000_000);
		return out;
	}

	@GetMapping("/api/supervision/plans")
	@PreAuthorize("hasRole('SUPERVISOR')")
	List<Plan> plans() {
		return draws.plans();
	}

	@PostMapping("/api/supervision/plans")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<Plan> plan(@RequestBody Draws.PlanRequest body, @AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(draws.plan(body, me.username()));
	}

	@PostMapping("/api/supervision/plans/{id}/draw")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<StaffDraw> draw(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		Draws.Draw d = draws.draw(id, me.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(staffView(d));
	}

	@GetMapping("/api/supervision/draws/{id}")
	@PreAuthorize("hasRole('SUPERVISOR')")
	StaffDraw drawn(@PathVariable UUID id) {
		return staffView(draws.find(id, true).orElseThrow(() -> Problem.notFound("未找到该抽取结果。")));
	}

	@PostMapping("/api/supervision/draws/{id}/overrides")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<Overrides.Override> override(@PathVariable UUID id, @RequestBody Overrides.OverrideRequest body,
			@AuthenticationPrincipal SignedInUser me) {
		return ResponseEntity.status(HttpStatus.CREATED).body(overrides.override(id, body, me.username()));
	}

	/** An inspector sees only their own inspections, whatever {@code mine} says; planners see all or none. */
	@GetMapping("/api/supervision/inspections")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	List<Assignments.Assignment> inspections(@RequestParam(defaultValue = "false") boolean mine,
			@AuthenticationPrincipal SignedInUser me) {
		if (mine || !me.has(Role.SUPERVISOR)) {
			return assignments.of(me.username());
		}
		return assignments.all(1000);
	}

	private StaffDraw staffView(Draws.Draw d) {
		Map<String, String> names = inspectors.names();
		java.util.TreeSet<String> used = new java.util.TreeSet<>();
		List<DrawnEntity> entities = d.inspections().stream().map(i -> {
			used.addAll(i.current());
			return new DrawnEntity(i.seq(), i.uscc(), i.name(), i.grade(), i.current(), i.drawn());
		}).toList();
		return new StaffDraw(d.id(), d.plan().id(), d.seed(), d.algorithm(), entities,
				used.stream().map(c -> new NamedInspector(c, names.get(c))).toList(), overrides.of(d.id()));
	}
}
