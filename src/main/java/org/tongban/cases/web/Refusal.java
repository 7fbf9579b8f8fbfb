package org.tongban.cases.web;

import java.util.List;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * Input a page refused, shown on the same page beside the part it concerns: {@code part} names that part (a form,
 * a material's upload), {@code messages} what is wrong, one per field where the problem names fields.
 */
@org.springframework.modulith.NamedInterface("forms")
public record Refusal(String part, String title, String detail, List<FieldMessage> errors) {

	public static Refusal of(String part, Problem p) {
		return new Refusal(part, p.title(), p.detail(), p.errors());
	}

	public boolean concerns(String part) {
		return this.part.equals(part);
	}

	/** The message for one field, or null. */
	public String messageFor(String field) {
		return errors.stream().filter(e -> field.equals(e.field())).map(FieldMessage::message).findFirst().orElse(null);
	}

	/** What to say beside the part: every field's message, or the detail when the problem names no field. */
	public List<String> messages() {
		return errors.isEmpty() ? List.of(detail) : errors.stream().map(FieldMessage::message).toList();
	}
}
