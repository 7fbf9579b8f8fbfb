package org.tongban.cases;

/**
 * How the case came in: online, at the window where a clerk opened it (线上线下一体化), or handed over by another
 * authority's system as the commission's part of an application made there (一业一证 cooperating industries).
 */
@org.springframework.modulith.NamedInterface("api")
public enum Channel {
	ONLINE("网上办理"), WINDOW("窗口办理"), PARTNER("牵头部门转来");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
