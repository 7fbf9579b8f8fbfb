package org.tongban.cases.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.util.MultiValueMap;

/**
 * A page that asks before an action that cannot be undone: what is about to be done ({@code details}), what
 * follows ({@code consequences}), and a form that repeats what was typed ({@code hidden}) with
 * {@code confirmed=true}. Rendered by {@code cases/confirm}.
 */
@org.springframework.modulith.NamedInterface("forms")
public record Confirmation(String title, List<Detail> details, List<String> consequences, String action, List<Hidden> hidden,
		String button, String buttonId, String back) {

	/** Parameters a confirmation never repeats: the CSRF token is the new form's own. */
	private static final Set<String> NOT_REPEATED = Set.of("_csrf", "confirmed");

	public record Detail(String label, String value) {
	}

	public record Hidden(String name, String value) {
	}

	/** The submitted parameters, to send again once confirmed. */
	public static List<Hidden> repeat(MultiValueMap<String, String> params) {
		List<Hidden> hidden = new ArrayList<>();
		params.forEach((name, values) -> {
			if (!NOT_REPEATED.contains(name)) {
				values.forEach(v -> hidden.add(new Hidden(name, v)));
			}
		});
		return hidden;
	}

	public static boolean confirmed(MultiValueMap<String, String> params) {
		return "true".equals(params.getFirst("confirmed"));
	}
}
