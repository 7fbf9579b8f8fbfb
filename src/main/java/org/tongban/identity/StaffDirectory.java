package org.tongban.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/** Whom to contact in a division or unit: its enabled staff who report for it, with their phones where recorded. */
@Component
public class StaffDirectory {

	private final Accounts accounts;

	StaffDirectory(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * For each unit, "name（phone）" or "name" of each of its enabled division staff, in the order they were created:
	 * one read for a whole page.
	 */
	public Map<String, List<String>> contactsByUnit() {
		return accounts.all().stream()
			.filter(a -> a.enabled() && a.orgUnitCode() != null && a.roles().contains(Role.DIVISION_STAFF))
			.collect(Collectors.groupingBy(Account::orgUnitCode, LinkedHashMap::new, Collectors.mapping(
					a -> a.phone() == null || a.phone().isBlank() ? a.displayName() : a.displayName() + "（" + a.phone() + "）",
					Collectors.toList())));
	}

	/** The name people know someone by, for documents and timelines: the account's display name, else the login. */
	public String nameOf(String username) {
		if (username == null || "system".equals(username)) {
			return "系统";
		}
		return accounts.byUsername(username).map(Account::displayName).orElse(username);
	}

	/** The unit (division or centre) a member of staff reports for; empty for an unknown login or one without a unit. */
	public java.util.Optional<String> unitOf(String username) {
		return username == null ? java.util.Optional.empty()
				: accounts.byUsername(username).map(Account::orgUnitCode);
	}
}
