package org.tongban.supervision.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.UnifiedSocialCreditCode;
import org.tongban.supervision.Inspectors;
import org.tongban.supervision.Sector;

/**
 * The inspector pool: planners enrol inspectors with their sector qualifications and record conflicts of interest;
 * an inspector declares their own conflicts (回避). Both are audited by {@link Inspectors}.
 */
@RestController
class InspectorsApi {

	record Enrolment(String code, String username, String name, List<String> sectors) {
	}

	record Conflict(String uscc, String reason) {
	}

	/** What the pool holds about an inspector, for staff. */
	record Enrolled(String code, String username, String name, List<String> sectors, boolean active) {
	}

	private final Inspectors inspectors;
	private final AccountManagement accounts;

	InspectorsApi(Inspectors inspectors, AccountManagement accounts) {
		this.inspectors = inspectors;
		this.accounts = accounts;
	}

	@PostMapping("/api/supervision/inspectors")
	@PreAuthorize("hasRole('SUPERVISOR')")
	ResponseEntity<Enrolled> enrol(@RequestBody Enrolment body) {
		List<FieldMessage> errors = new ArrayList<>();
		String code = body.code() == null ? "" : body.code().strip();
		if (!code.matches("检-\\d{4,6}")) {
			errors.add(new FieldMessage("code", "执法人员编号须为“检-”加 4–6 位数字"));
		}
		String name = body.name() == null ? "" : body.name().strip();
		if (name.isEmpty() || name.length() > 50) {
			errors.add(new FieldMessage("name", "请填写执法人员姓名（50 字以内）"));
		}
		String username = body.username() == null || body.username().isBlank() ? null : body.username().strip();
		if (username != null && !accounts.holds(username, Role.INSPECTOR)) {
			errors.add(new FieldMessage("username", "账户“" + username + "”不存在、已停用或不是监督执法人员"));
		}
		if (username != null && inspectors.codeOf(username).filter(c -> !c.equals(code)).isPresent()) {
			errors.add(new FieldMessage("username", "账户“" + username + "”已登记为另一名执法人员"));
		}
		List<Sector> sectors = new ArrayList<>();
		if (body.sectors() == null || body.sectors().isEmpty()) {
			errors.add(new FieldMessage("sectors", "请至少选择一个具备执法资格的行业"));
		}
		else {
			for (String s : body.sectors()) {
				Sector.of(s).ifPresentOrElse(sectors::add,
						() -> errors.add(new FieldMessage("sectors", "未知的行业“" + s + "”")));
			}
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		inspectors.enrol(code, username, name, sectors.stream().distinct().toList());
		Inspectors.Inspector i = inspectors.find(code).orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new Enrolled(i.code(), i.username(), i.name(), i.sectors(), i.active()));
	}

	/** A planner records anyone's conflict; an inspector declares only their own. */
	@PostMapping("/api/supervision/inspectors/{code}/conflicts")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'INSPECTOR')")
	ResponseEntity<Map<String, String>> conflict(@PathVariable String code, @RequestBody Conflict body,
			@AuthenticationPrincipal SignedInUser me) {
		inspectors.find(code).orElseThrow(() -> Problem.notFound("执法人员库中没有编号“" + code + "”。"));
		if (!me.has(Role.SUPERVISOR) && !inspectors.codeOf(me.username()).map(code::equals).orElse(false)) {
			throw Problem.forbidden("只能申报本人的利益冲突。");
		}
		List<FieldMessage> errors = new ArrayList<>();
		String uscc = body.uscc() == null ? "" : body.uscc().strip().toUpperCase();
		UnifiedSocialCreditCode.problemWith(uscc).ifPresent(m -> errors.add(new FieldMessage("uscc", m)));
		String reason = body.reason() == null ? "" : body.reason().strip();
		if (reason.isEmpty() || reason.length() > 200) {
			errors.add(new FieldMessage("reason", "请写明利益冲突的情形（200 字以内），例如近亲属在该单位任职"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		inspectors.declareConflict(uscc, code, reason);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("inspector", code, "uscc", uscc, "reason", reason));
	}
}
