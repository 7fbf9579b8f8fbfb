package org.tongban.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.ResidentIdNumber;
import org.tongban.shared.UnifiedSocialCreditCode;
import org.tongban.shared.Problem;

/** Creates and administers accounts; every change is audited. */
@Service
public class AccountManagement {

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_.-]{3,32}$");

	private final Accounts accounts;
	private final Organisation organisation;
	private final PasswordEncoder passwords;
	private final AuditTrail audit;
	private final Clock clock;

	AccountManagement(Accounts accounts, Organisation organisation, PasswordEncoder passwords, AuditTrail audit,
			Clock clock) {
		this.accounts = accounts;
		this.organisation = organisation;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
	}

	/** What an administrator fills in to open an account. */
	public record NewAccount(String username, String displayName, String password, Set<Role> roles,
			String orgUnitCode, String idNumber, String uscc, String phone) {
	}

	public List<Account> all() {
		return accounts.all();
	}

	public Account byUsername(String username) {
		return accounts.byUsername(username).orElseThrow(() -> Problem.notFound("账户 " + username + " 不存在。"));
	}

	/** The enabled applicant account of a person (ID number) or an enterprise (USCC), if one exists. */
	public java.util.Optional<String> applicantUsername(String idNumber, String uscc) {
		return accounts.all().stream()
				.filter(a -> a.enabled() && (idNumber != null && idNumber.equals(a.idNumber()) && a.roles().contains(Role.CITIZEN)
						|| uscc != null && uscc.equals(a.uscc()) && a.roles().contains(Role.ENTERPRISE)))
				.map(Account::username).findFirst();
	}

	/** Whether an enabled account with that name holds the role (hand-overs go only to such accounts). */
	public boolean holds(String username, Role role) {
		return accounts.byUsername(username).filter(Account::enabled).map(a -> a.roles().contains(role)).orElse(false);
	}

	@Transactional
	public Account create(NewAccount request) {
		return create(request, false);
	}

	@Transactional
	Account create(NewAccount request, boolean demo) {
		List<FieldMessage> errors = new ArrayList<>();
		String username = request.username() == null ? "" : request.username().strip();
		if (!USERNAME.matcher(username).matches()) {
			errors.add(new FieldMessage("username", "用户名须为 3–32 位小写字母、数字或 . _ -"));
		}
		else if (accounts.exists(username)) {
			errors.add(new FieldMessage("username", "用户名 " + username + " 已被使用"));
		}
		if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 50) {
			errors.add(new FieldMessage("displayName", "请填写姓名（不超过 50 字）"));
		}
		String passwordProblem = passwordProblem(request.password());
		if (passwordProblem != null) {
			errors.add(new FieldMessage("password", passwordProblem));
		}
		Set<Role> roles = request.roles() == null || request.roles().isEmpty() ? EnumSet.noneOf(Role.class)
				: EnumSet.copyOf(request.roles());
		if (roles.isEmpty()) {
			errors.add(new FieldMessage("roles", "请至少选择一个角色"));
		}
		String orgUnit = request.orgUnitCode() == null || request.orgUnitCode().isBlank() ? null : request.orgUnitCode();
		if (orgUnit != null && organisation.byCode(orgUnit).filter(u -> u.kind() != OrgUnit.Kind.GENERIC).isEmpty()) {
			errors.add(new FieldMessage("orgUnitCode", "所属部门不存在"));
		}
		if (roles.contains(Role.DIVISION_STAFF) && orgUnit == null) {
			errors.add(new FieldMessage("orgUnitCode", "处室工作人员须选择所属处室或单位"));
		}
		String idNumber = blankToNull(request.idNumber());
		if (idNumber != null) {
			ResidentIdNumber.problemWith(idNumber).ifPresent(m -> errors.add(new FieldMessage("idNumber", m)));
		}
		else if (roles.contains(Role.CITIZEN)) {
			errors.add(new FieldMessage("idNumber", "个人办事人须填写居民身份证号码"));
		}
		String uscc = blankToNull(request.uscc());
		if (uscc != null) {
			UnifiedSocialCreditCode.problemWith(uscc).ifPresent(m -> errors.add(new FieldMessage("uscc", m)));
		}
		else if (roles.contains(Role.ENTERPRISE)) {
			errors.add(new FieldMessage("uscc", "企业办事人须填写统一社会信用代码"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		Account account = new Account(UUID.randomUUID(), username, request.displayName().strip(), roles, orgUnit,
				idNumber == null ? null : idNumber.toUpperCase(), uscc == null ? null : uscc.toUpperCase(),
				blankToNull(request.phone()), true, 0, null, demo, clock.instant());
		accounts.insert(account, passwords.encode(request.password()));
		audit.record("ACCOUNT_CREATED", "account", username, null, account.auditState());
		return account;
	}

	@Transactional
	public Account setEnabled(String username, boolean enabled) {
		Account before = byUsername(username);
		Account after = new Account(before.id(), before.username(), before.displayName(), before.roles(),
				before.orgUnitCode(), before.idNumber(), before.uscc(), before.phone(), enabled,
				before.failedAttempts(), before.lockedUntil(), before.demo(), before.createdAt());
		accounts.update(after);
		audit.record(enabled ? "ACCOUNT_ENABLED" : "ACCOUNT_DISABLED", "account", username, before.auditState(),
				after.auditState());
		return after;
	}

	@Transactional
	public Account unlock(String username) {
		Account before = byUsername(username);
		Account after = new Account(before.id(), before.username(), before.displayName(), before.roles(),
				before.orgUnitCode(), before.idNumber(), before.uscc(), before.phone(), before.enabled(), 0, null,
				before.demo(), before.createdAt());
		accounts.update(after);
		audit.record("ACCOUNT_UNLOCKED", "account", username, before.auditState(), after.auditState());
		return after;
	}

	@Transactional
	public void resetPassword(String username, String newPassword) {
		String problem = passwordProblem(newPassword);
		if (problem != null) {
			throw Problem.invalid("password", problem);
		}
		Account account = byUsername(username);
		accounts.updatePassword(account.id(), passwords.encode(newPassword));
		audit.record("ACCOUNT_PASSWORD_RESET", "account", username, null, null);
	}

	/** At least 10 characters, from at least two of: letters, digits, other characters. */
	static String passwordProblem(String password) {
		if (password == null || password.length() < 10 || password.length() > 128) {
			return "密码须为 10–128 位";
		}
		int classes = (password.chars().anyMatch(Character::isLetter) ? 1 : 0)
				+ (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
				+ (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
		return classes < 2 ? "密码须包含字母、数字、符号中的至少两类" : null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
