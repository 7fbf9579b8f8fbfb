package org.tongban.benefits;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.tongban.shared.Problem;
import org.tongban.shared.ResidentIdNumber;

/** The 免申即享 API: programmes and rules (public), dry runs, runs and explanations (staff), offers (residents). */
@RestController
class BenefitsApi {

	record ProgrammeView(String code, String name, String basis, int ruleVersion, String service, String division) {
	}

	record RuleView(String programme, int version, LocalDate effectiveFrom, List<Rule.Clause> clauses,
			List<FactView> facts) {
	}

	record FactView(String name, String type, String label, String source) {
	}

	record RuleRequest(LocalDate effectiveFrom, List<Rule.Clause> clauses) {
	}

	record DryRunView(String programme, int currentVersion, long eligible, long gained, long lost,
			List<Matcher.DryRunRow> rows) {
	}

	/** A slot by its id, or (as before slots were data) an institution and a day, optionally a band (上午/下午). */
	record BookRequest(UUID slot, String institution, LocalDate date, String band) {
	}

	record OptOutRequest(String programme) {
	}

	private final Programmes programmes;
	private final Matcher matcher;
	private final FullRun fullRun;
	private final Explainer explainer;
	private final Entitlements entitlements;
	private final BenefitsDuty duty;

	BenefitsApi(Programmes programmes, Matcher matcher, FullRun fullRun, Explainer explainer, Entitlements entitlements,
			BenefitsDuty duty) {
		this.programmes = programmes;
		this.matcher = matcher;
		this.fullRun = fullRun;
		this.explainer = explainer;
		this.entitlements = entitlements;
		this.duty = duty;
	}

	@GetMapping("/api/benefits/programmes")
	Map<String, List<ProgrammeView>> programmes() {
		List<ProgrammeView> items = programmes.all().stream()
			.map(p -> new ProgrammeView(p.code(), p.name(), p.basis(), programmes.current(p.code()).version(), p.service(),
					p.division()))
			.toList();
		return Map.of("items", items);
	}

	@GetMapping("/api/benefits/programmes/{code}/rule")
	RuleView rule(@PathVariable String code) {
		programmes.get(code);
		return view(programmes.current(code));
	}

	@PostMapping("/api/benefits/programmes/{code}/rule")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	ResponseEntity<RuleView> save(@PathVariable String code, @RequestBody(required = false) RuleRequest body,
			@AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		RuleRequest request = body == null ? new RuleRequest(null, null) : body;
		Rule saved = programmes.save(code, request.effectiveFrom(), request.clauses(), me.username());
		return ResponseEntity.status(HttpStatus.CREATED).body(view(saved));
	}

	@PostMapping("/api/benefits/programmes/{code}/dry-run")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	DryRunView dryRun(@PathVariable String code, @RequestBody(required = false) RuleRequest body,
			@AuthenticationPrincipal SignedInUser me) {
		duty.programmeOf(me, code);
		List<Rule.Clause> clauses = body == null ? null : body.clauses();
		List<Matcher.DryRunRow> rows = matcher.dryRun(new Rule(code, 0, LocalDate.MIN, clauses == null ? List.of() : clauses));
		return new DryRunView(code, programmes.current(code).version(),
				rows.stream().mapToLong(Matcher.DryRunRow::eligible).sum(),
				rows.stream().mapToLong(Matcher.DryRunRow::gained).sum(),
				rows.stream().mapToLong(Matcher.DryRunRow::lost).sum(), rows);
	}

	@PostMapping("/api/benefits/runs")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	FullRun.RunResult run(@AuthenticationPrincipal SignedInUser me) {
		duty.mayRun(me);
		return fullRun.run(me.username());
	}

	@GetMapping("/api/benefits/people/{idNumber}/explanation")
	@PreAuthorize("hasRole('DIVISION_STAFF')")
	Explainer.Explanation explanation(@PathVariable String idNumber, @RequestParam(required = false) String programme,
			@AuthenticationPrincipal SignedInUser me) {
		if (programme == null || programme.isBlank()) {
			throw Problem.invalid("programme", "请用 ?programme= 指明项目编号");
		}
		duty.programmeOf(me, programme);
		return explainer.explain(ResidentIdNumber.of("idNumber", idNumber).value(), programme);
	}

	@GetMapping("/api/benefits/mine")
	@PreAuthorize("hasRole('CITIZEN')")
	Map<String, Object> mine(@AuthenticationPrincipal SignedInUser me) {
		List<Entitlements.OptOut> optOuts = me.idNumber() == null ? List.of() : entitlements.optOuts(me.idNumber());
		return Map.of("items", entitlements.mine(me.idNumber()), "optOuts", new ArrayList<>(optOuts));
	}

	@PostMapping("/api/benefits/mine/{id}/book")
	@PreAuthorize("hasRole('CITIZEN')")
	Entitlements.Offer book(@PathVariable UUID id, @RequestBody(required = false) BookRequest body,
			@AuthenticationPrincipal SignedInUser me) {
		BookRequest request = body == null ? new BookRequest(null, null, null, null) : body;
		return entitlements.book(id, me.idNumber(), request.slot(), request.institution(), request.date(), request.band());
	}

	@PostMapping("/api/benefits/mine/{id}/cancel")
	@PreAuthorize("hasRole('CITIZEN')")
	Entitlements.Offer cancel(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return entitlements.cancel(id, me.idNumber());
	}

	@PostMapping("/api/benefits/mine/{id}/decline")
	@PreAuthorize("hasRole('CITIZEN')")
	Entitlements.Offer decline(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		return entitlements.decline(id, me.idNumber());
	}

	@PostMapping("/api/benefits/mine/opt-out")
	@PreAuthorize("hasRole('CITIZEN')")
	Entitlements.OptOut optOut(@RequestBody(required = false) OptOutRequest body, @AuthenticationPrincipal SignedInUser me) {
		if (me.idNumber() == null) {
			throw Problem.conflict("账户没有登记身份证号码，无法设置。");
		}
		return entitlements.optOut(me.idNumber(), body == null ? null : body.programme());
	}

	private static RuleView view(Rule rule) {
		return new RuleView(rule.programme(), rule.version(), rule.effectiveFrom(), rule.clauses(),
				Facts.ALL.stream().map(f -> new FactView(f.name(), f.type().name().toLowerCase(), f.label(), f.source())).toList());
	}
}
