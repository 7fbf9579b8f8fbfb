package org.tongban.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of value an application form field takes, with the label the editor and errors use. */
public enum FormFieldType {

	TEXT("文字"), NUMBER("数字"), DATE("日期"), CHOICE("选项"), ID_NUMBER("身份证号"), USCC("统一社会信用代码"),
	PHONE("电话"), ADDRESS("地址"), TABLE("表格");

	private final String label;

	FormFieldType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The type named in a guide ({@code text}, {@code idNumber}, {@code ID_NUMBER} …), if it is one. */
	public static Optional<FormFieldType> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String key = name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
		return Arrays.stream(values()).filter(t -> t.name().equals(key)).findFirst();
	}
}
