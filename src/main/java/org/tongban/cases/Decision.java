package org.tongban.cases;

/** The decision on an application. */
@org.springframework.modulith.NamedInterface("api")
public enum Decision {
	/** 准予许可. */
	GRANTED,
	/** 不予许可. */
	DENIED
}
