package org.tongban.cases;

import java.util.Arrays;
import java.util.Optional;

/** The steps of the handling processes, named by their BPMN task keys (src/main/resources/processes/). */
public enum Step {
	ACCEPT("accept", "受理"),
	ACCEPT_AND_DECIDE("acceptAndDecide", "受理并决定"),
	CORRECT("correct", "补正"),
	REVIEW("review", "审查"),
	DECIDE("decide", "决定"),
	POST_VERIFY("postVerify", "事后核查");

	private final String key;
	private final String label;

	Step(String key, String label) {
		this.key = key;
		this.label = label;
	}

	/** The task key in the process model, and the step's name in the API. */
	public String key() {
		return key;
	}

	public String label() {
		return label;
	}

	/** The step of a task key; a key the product does not know is a programming error in the process models. */
	static Step of(String key) {
		return find(key).orElseThrow(() -> new IllegalStateException("a process has a task the cases module does not know: " + key));
	}

	static Optional<Step> find(String key) {
		return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
	}

	/** Whether the step decides acceptance (受理): refusal and correction notices belong to it. */
	boolean decidesAcceptance() {
		return this == ACCEPT || this == ACCEPT_AND_DECIDE;
	}
}
