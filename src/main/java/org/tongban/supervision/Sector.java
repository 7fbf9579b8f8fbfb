package org.tongban.supervision;

import java.util.Arrays;
import java.util.Optional;

/** The fields the Health Supervision Institute supervises; the codes are the API's. */
public enum Sector {

	PUBLIC_PLACE("公共场所"),
	MEDICAL("医疗机构"),
	MEDICAL_BEAUTY("医疗美容"),
	DRINKING_WATER("生活饮用水"),
	DISINFECTION("消毒产品"),
	OCCUPATIONAL("职业卫生");

	private final String label;

	Sector(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<Sector> of(String code) {
		return Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
	}
}
