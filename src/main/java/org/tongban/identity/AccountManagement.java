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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.ResidentIdNumber;
import org.tongban.shared.UnifiedSocialCreditCode;
import org.tongban.shared.Problem;

/** Creates and administers accounts; every change is audited. */
@Service
public class AccountManagement {

	/** The password rules as the forms state them. */
	public static final String PASSWORD_RULES = PasswordPolicy.RULES;

	private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_.-]{3,32}$");

	private final Accounts accounts;
	private final Organisation organisation;
	private final PasswordEncoder passwords;
	private final AuditTrail audit;
	private final AccountSessions sessions;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	AccountManagement(Accounts accounts, Organisation organisation, PasswordEncoder passwords, AuditTrail audit,
			AccountSessions sessions, Clock clock, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.organisation = organisation;
		this.passwords = passwords;
		this.audit = audit;
		this.sessions = sessions;
		this.clock = clock;
		this.events = events;
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
		// the demo accounts share the published demo password; every other account follows the policy
		String passwordProblem = demo ? null : PasswordPolicy.problem(request.password(), username);
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
		String hash = passwords.encode(request.password());
		accounts.insert(account, hash);
		accounts.remember(account.id(), hash, clock.instant());
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
		if (!enabled) {
			sessions.end(username);
		}
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

	/**
	 * An administrator sets a new password for the account: its sessions end, and the user must change the password
	 * at the next sign-in (the administrator knows it).
	 */
	@Transactional
	public void resetPassword(String username, String newPassword) {
		Account account = byUsername(username);
		String problem = newPasswordProblem(account, newPassword);
		if (problem != null) {
			throw Problem.invalid("password", problem);
		}
		accounts.updatePassword(account.id(), passwords.encode(newPassword), true, clock.instant());
		sessions.end(username);
		audit.record("ACCOUNT_PASSWORD_RESET", "account", username, null, null);
	}

	/**
	 * The user changes their own password, giving the current one: every other session of the account ends (the
	 * one the change was made in, if any, stays), and a password that had to be changed no longer has to.
	 */
	// the refusal keeps what it counted: a wrong current password is a failed sign-in (5 lock the account), so
	// that a session left open cannot be used to guess the password
	@Transactional(noRollbackFor = Problem.class)
	public void changeOwnPassword(String username, String currentPassword, String newPassword, String confirmation,
			String keepSession) {
		Account account = byUsername(username);
		List<FieldMessage> errors = new ArrayList<>();
		if (currentPassword == null || !passwords.matches(currentPassword, accounts.passwordHash(account.id()))) {
			errors.add(new FieldMessage("currentPassword", "当前密码不正确"));
			events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
					UsernamePasswordAuthenticationToken.unauthenticated(username, ""),
					new BadCredentialsException("wrong current password")));
		}
		String problem = newPasswordProblem(account, newPassword);
		if (problem != null) {
			errors.add(new FieldMessage("newPassword", problem));
		}
		else if (confirmation != null && !confirmation.equals(newPassword)) {
			errors.add(new FieldMessage("confirmPassword", "两次输入的新密码不一致"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		accounts.updatePassword(account.id(), passwords.encode(newPassword), false, clock.instant());
		sessions.endAllBut(username, keepSession);
		audit.record("ACCOUNT_PASSWORD_CHANGED", "account", username, null, null);
	}

	/**
	 * The initial administrator 'admin' from TONGBAN_ADMIN_PASSWORD, who must change it at the first sign-in. A demo
	 * 'admin' left from an earlier demo run (it cannot sign in without demo mode) is taken over rather than duplicated.
	 */
	@Transactional
	void createInitialAdministrator(String password) {
		Account admin = accounts.byUsername("admin").orElse(null);
		if (admin == null) {
			admin = create(new NewAccount("admin", "系统管理员", password, EnumSet.of(Role.ADMIN), "COMMISSION", null, null,
					null), false);
			accounts.requirePasswordChange(admin.id());
			return;
		}
		accounts.clearDemo(admin.id());
		setEnabled("admin", true);
		unlock("admin");
		accounts.updatePassword(admin.id(), passwords.encode(password), true, clock.instant());
		audit.record("ACCOUNT_DEMO_CLEARED", "account", "admin", null, null);
	}

	/** What is wrong with the new password for that account (policy, then the last five), or null. */
	private String newPasswordProblem(Account account, String newPassword) {
		String problem = PasswordPolicy.problem(newPassword, account.username());
		if (problem != null) {
			return problem;
		}
		for (String old : accounts.recentPasswordHashes(account.id())) {
			if (passwords.matches(newPassword, old)) {
				return "新密码不得与最近 " + PasswordPolicy.HISTORY + " 次使用过的密码相同";
			}
		}
		return null;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
