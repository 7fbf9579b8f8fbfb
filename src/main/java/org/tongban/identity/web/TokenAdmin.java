package org.tongban.identity.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.ApiToken;
import org.tongban.identity.ApiTokens;
import org.tongban.identity.OrgUnit;
import org.tongban.identity.Organisation;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** API tokens for machine clients, for ADMIN: issue (the token shown once), list, revoke; pages and API. */
class TokenAdmin {

	/** A token as listed: never the token itself. */
	record TokenView(UUID id, String client, String prefix, Set<Role> roles, String orgUnitCode, String issuedBy,
			java.time.Instant issuedAt, java.time.Instant expiresAt, String revokedBy, java.time.Instant revokedAt,
			ApiToken.Status status) implements java.io.Serializable {

		static TokenView of(ApiToken t, java.time.Instant now) {
			return new TokenView(t.id(), t.client(), t.prefix(), t.roles(), t.orgUnitCode(), t.issuedBy(), t.issuedAt(),
					t.expiresAt(), t.revokedBy(), t.revokedAt(), t.status(now));
		}
	}

	/** The answer to issuing: the token, which is never shown again, and what it allows. */
	// a flash attribute, kept in the session, which lives in the database: serialisable
	record IssuedView(String token, TokenView details) implements java.io.Serializable {
	}

	/** The form and API body. */
	record TokenForm(String client, Set<Role> roles, String orgUnitCode, Integer validDays) {

		ApiTokens.NewToken toRequest() {
			return new ApiTokens.NewToken(client, roles, orgUnitCode, validDays);
		}
	}

	@RestController
	@PreAuthorize("hasRole('ADMIN')")
	static class Api {

		private final ApiTokens tokens;
		private final java.time.Clock clock;

		Api(ApiTokens tokens, java.time.Clock clock) {
			this.tokens = tokens;
			this.clock = clock;
		}

		@GetMapping("/api/tokens")
		List<TokenView> list() {
			return tokens.all().stream().map(t -> TokenView.of(t, clock.instant())).toList();
		}

		@PostMapping("/api/tokens")
		@ResponseStatus(HttpStatus.CREATED)
		IssuedView issue(@RequestBody TokenForm form, @AuthenticationPrincipal SignedInUser me) {
			ApiTokens.Issued issued = tokens.issue(form.toRequest(), me.username());
			return new IssuedView(issued.secret(), TokenView.of(issued.token(), clock.instant()));
		}

		@PostMapping("/api/tokens/{id}/revoke")
		TokenView revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
			return TokenView.of(tokens.revoke(id, me.username()), clock.instant());
		}
	}

	@Controller
	@PreAuthorize("hasRole('ADMIN')")
	static class Pages {

		private final ApiTokens tokens;
		private final Organisation organisation;
		private final java.time.Clock clock;

		Pages(ApiTokens tokens, Organisation organisation, java.time.Clock clock) {
			this.tokens = tokens;
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

		@ModelAttribute("tokenRoles")
		List<Role> roles() {
			return EnumSet.allOf(Role.class).stream().filter(r -> r.isStaff() && r != Role.ADMIN).toList();
		}

		@GetMapping("/admin/tokens")
		String list(Model model) {
			model.addAttribute("tokens", tokens.all().stream().map(t -> TokenView.of(t, clock.instant())).toList());
			if (!model.containsAttribute("form")) {
				model.addAttribute("form", new TokenForm("", EnumSet.noneOf(Role.class), "", 90));
			}
			return "identity/tokens";
		}

		@PostMapping("/admin/tokens")
		String issue(@ModelAttribute TokenForm form, @AuthenticationPrincipal SignedInUser me, Model model,
				RedirectAttributes redirect) {
			try {
				ApiTokens.Issued issued = tokens.issue(form.toRequest(), me.username());
				// shown once, on the next page only (flash attributes live in the session until that page is read)
				redirect.addFlashAttribute("issued", new IssuedView(issued.secret(),
						TokenView.of(issued.token(), clock.instant())));
				return "redirect:/admin/tokens";
			}
			catch (Problem problem) {
				model.addAttribute("form", form);
				model.addAttribute("fieldErrors", problem.errors().stream()
						.collect(java.util.stream.Collectors.toMap(FieldMessage::field, FieldMessage::message, (a, b) -> a)));
				return list(model);
			}
		}

		@PostMapping("/admin/tokens/{id}/revoke")
		String revoke(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
			ApiToken t = tokens.revoke(id, me.username());
			redirect.addFlashAttribute("saved", "已吊销令牌 " + t.prefix() + "…（" + t.client() + "）");
			return "redirect:/admin/tokens";
		}
	}
}
