package org.tongban.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.Account;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.OrgUnit;
import org.tongban.identity.Organisation;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** Account administration for ADMIN: pages and API. Responses never carry password hashes. */
class AccountAdmin {

	/** An account as the API shows it. */
	record AccountView(String username, String displayName, Set<Role> roles, String orgUnitCode, boolean enabled,
			boolean locked, boolean demo) {

		static AccountView of(Account a, java.time.Instant now) {
			return new AccountView(a.username(), a.displayName(), a.roles(), a.orgUnitCode(), a.enabled(),
					a.locked(now), a.demo());
		}
	}

	/** The form and API body for a new account. */
	record AccountForm(String username, String displayName, String password, Set<Role> roles, String orgUnitCode,
			String idNumber, String uscc, String phone) {

		AccountManagement.NewAccount toRequest() {
			return new AccountManagement.NewAccount(username, displayName, password,
					roles == null ? EnumSet.noneOf(Role.class) : roles, orgUnitCode, idNumber, uscc, phone);
		}
	}

	@RestController
	@PreAuthorize("hasRole('ADMIN')")
	static class Api {

		private final AccountManagement accounts;
		private final java.time.Clock clock;

		Api(AccountManagement accounts, java.time.Clock clock) {
			this.accounts = accounts;
			this.clock = clock;
		}

		private AccountView view(Account a) {
			return AccountView.of(a, clock.instant());
		}

		@GetMapping("/api/accounts")
		List<AccountView> list() {
			return accounts.all().stream().map(this::view).toList();
		}

		@PostMapping("/api/accounts")
		@ResponseStatus(HttpStatus.CREATED)
		AccountView create(@RequestBody AccountForm form) {
			return view(accounts.create(form.toRequest()));
		}

		@PostMapping("/api/accounts/{username}/unlock")
		AccountView unlock(@PathVariable String username) {
			return view(accounts.unlock(username));
		}

		/** The body of an administrator's password reset. */
		record NewPassword(String password) {
		}

		@PostMapping("/api/accounts/{username}/password")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		void resetPassword(@PathVariable String username, @RequestBody NewPassword body) {
			accounts.resetPassword(username, body.password());
		}

		@PostMapping("/api/accounts/{username}/enabled")
		AccountView enabled(@PathVariable String username, @RequestParam boolean value,
				@AuthenticationPrincipal SignedInUser me) {
			guardSelf(username, value, me);
			return view(accounts.setEnabled(username, value));
		}
	}

	@Controller
	@PreAuthorize("hasRole('ADMIN')")
	static class Pages {

		private final AccountManagement accounts;
		private final Organisation organisation;
		private final java.time.Clock clock;

		Pages(AccountManagement accounts, Organisation organisation, java.time.Clock clock) {
			this.accounts = accounts;
			this.organisation = organisation;
			this.clock = clock;
		}

		@ModelAttribute("orgUnits")
		List<OrgUnit> orgUnits() {
			return organisation.assignable();
		}

		@ModelAttribute("unitNames")
		java.util.Map<String, String> unitNames() {
			return organisation.names();
		}

		@ModelAttribute("allRoles")
		Role[] roles() {
			return Role.values();
		}

		@GetMapping("/admin/accounts")
		String list(Model model) {
			model.addAttribute("accounts", accounts.all());
			model.addAttribute("now", clock.instant());
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new AccountForm("", "", "", EnumSet.noneOf(Role.class), "", "", "", ""));
			}
			return "identity/accounts";
		}

		@PostMapping("/admin/accounts")
		String create(@ModelAttribute AccountForm form, Model model, RedirectAttributes redirect) {
			try {
				Account created = accounts.create(form.toRequest());
				redirect.addFlashAttribute("saved", "已创建账户 " + created.username());
				return "redirect:/admin/accounts";
			}
			catch (Problem problem) {
				model.addAttribute("form", form);
				model.addAttribute("fieldErrors", problem.errors().stream()
						.collect(java.util.stream.Collectors.toMap(FieldMessage::field, FieldMessage::message, (a, b) -> a)));
				return list(model);
			}
		}

		@PostMapping("/admin/accounts/{username}/unlock")
		String unlock(@PathVariable String username, RedirectAttributes redirect) {
			accounts.unlock(username);
			redirect.addFlashAttribute("saved", "已解锁账户 " + username);
			return "redirect:/admin/accounts";
		}

		@PostMapping("/admin/accounts/{username}/password")
		String resetPassword(@PathVariable String username, @RequestParam(required = false) String password,
				RedirectAttributes redirect) {
			try {
				accounts.resetPassword(username, password);
				redirect.addFlashAttribute("saved", "已重置账户 " + username + " 的密码，其登录已全部退出，下次登录须修改密码");
			}
			catch (Problem problem) {
				redirect.addFlashAttribute("resetUser", username);
				redirect.addFlashAttribute("resetError", problem.errors().isEmpty() ? problem.detail()
						: problem.errors().get(0).message());
			}
			return "redirect:/admin/accounts";
		}

		@PostMapping("/admin/accounts/{username}/enabled")
		String enabled(@PathVariable String username, @RequestParam boolean value,
				@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
			guardSelf(username, value, me);
			accounts.setEnabled(username, value);
			redirect.addFlashAttribute("saved", (value ? "已启用账户 " : "已停用账户 ") + username);
			return "redirect:/admin/accounts";
		}
	}

	/** An administrator cannot lock themselves out by disabling their own account. */
	private static void guardSelf(String username, boolean enable, SignedInUser me) {
		if (!enable && me.username().equals(username)) {
			throw Problem.conflict("不能停用当前登录的管理员账户。");
		}
	}
}
