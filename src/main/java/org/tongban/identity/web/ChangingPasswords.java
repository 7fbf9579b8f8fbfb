package org.tongban.identity.web;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * Every signed-in user changes their own password, giving the current one: a page and an API. The account's other
 * sessions end; the one the change is made in stays.
 */
class ChangingPasswords {

	private static String currentSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session == null ? null : session.getId();
	}

	/** The API body. */
	record PasswordChange(String currentPassword, String newPassword) {
	}

	@RestController
	static class Api {

		private final AccountManagement accounts;

		Api(AccountManagement accounts) {
			this.accounts = accounts;
		}

		@PostMapping("/api/me/password")
		@ResponseStatus(HttpStatus.NO_CONTENT)
		void change(@RequestBody PasswordChange change, @AuthenticationPrincipal SignedInUser me,
				HttpServletRequest request) {
			accounts.changeOwnPassword(me.username(), change.currentPassword(), change.newPassword(), null,
					currentSession(request));
		}
	}

	@Controller
	static class Page {

		private final AccountManagement accounts;

		Page(AccountManagement accounts) {
			this.accounts = accounts;
		}

		@GetMapping("/account/password")
		String form(@AuthenticationPrincipal SignedInUser me, Model model) {
			model.addAttribute("rules", AccountManagement.PASSWORD_RULES);
			return "identity/password";
		}

		@PostMapping("/account/password")
		String change(@RequestParam(required = false) String currentPassword,
				@RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
				@AuthenticationPrincipal SignedInUser me, HttpServletRequest request, Model model,
				RedirectAttributes redirect) {
			try {
				accounts.changeOwnPassword(me.username(), currentPassword, newPassword,
						confirmPassword == null ? "" : confirmPassword, currentSession(request));
			}
			catch (Problem problem) {
				Map<String, String> errors = problem.errors().stream()
						.collect(Collectors.toMap(FieldMessage::field, FieldMessage::message, (a, b) -> a));
				model.addAttribute("fieldErrors", errors);
				model.addAttribute("rules", AccountManagement.PASSWORD_RULES);
				return "identity/password";
			}
			redirect.addFlashAttribute("passwordChanged", true);
			return "redirect:/account/password";
		}
	}
}
