package org.tongban.reform;

/** Where a reform task stands, as its lead division reports it. */
public enum TaskStatus {

	NOT_STARTED("未启动"),
	IN_PROGRESS("推进中"),
	COMPLETED("已完成"),
	DELAYED("已延期");

	private final String label;

	TaskStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Used by pages: {@code status.label}. */
	public String getLabel() {
		return label;
	}
}
