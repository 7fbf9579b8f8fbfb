package org.tongban.cases;

/** How the case came in: online, or at the window where a clerk opened it (线上线下一体化). */
@org.springframework.modulith.NamedInterface("api")
public enum Channel {
	ONLINE("网上办理"), WINDOW("窗口办理");

	private final String label;

	Channel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
