package org.tongban.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A failure told to people: rendered as RFC 9457 problem+json on the API and as a message on pages.
 * {@code type} is a stable slug; {@code title} and {@code detail} are Chinese.
 */
public class Problem extends RuntimeException {

	private final HttpStatus status;
	private final String type;
	private final String title;
	private final List<FieldMessage> errors;
	private final Map<String, Object> properties = new LinkedHashMap<>();

	public Problem(HttpStatus status, String type, String title, String detail, List<FieldMessage> errors) {
		super(detail);
		this.status = status;
		this.type = type;
		this.title = title;
		this.errors = List.copyOf(errors);
	}

	public static Problem notFound(String detail) {
		return new Problem(HttpStatus.NOT_FOUND, "not-found", "未找到", detail, List.of());
	}

	public static Problem forbidden(String detail) {
		return new Problem(HttpStatus.FORBIDDEN, "forbidden", "无权操作", detail, List.of());
	}

	public static Problem conflict(String detail) {
		return new Problem(HttpStatus.CONFLICT, "conflict", "状态冲突", detail, List.of());
	}

	public static Problem invalid(String field, String message) {
		return invalid(List.of(new FieldMessage(field, message)));
	}

	public static Problem invalid(List<FieldMessage> errors) {
		return new Problem(HttpStatus.BAD_REQUEST, "validation", "输入有误",
				errors.size() == 1 ? errors.get(0).message() : "共有 " + errors.size() + " 处输入有误，请逐项修改。", errors);
	}

	public static Problem unprocessable(String type, String title, String detail, List<FieldMessage> errors) {
		return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, type, title, detail, errors);
	}

	/** Adds a member to the problem document, e.g. the actions allowed instead of a refused one. */
	public Problem with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

	public HttpStatus status() {
		return status;
	}

	public String type() {
		return type;
	}

	public String title() {
		return title;
	}

	public String detail() {
		return getMessage();
	}

	public List<FieldMessage> errors() {
		return errors;
	}
}
