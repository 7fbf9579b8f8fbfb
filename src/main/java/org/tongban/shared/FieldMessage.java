package org.tongban.shared;

/** One field's complaint about the input, in Chinese, for people. */
public record FieldMessage(String field, String message) {
}
