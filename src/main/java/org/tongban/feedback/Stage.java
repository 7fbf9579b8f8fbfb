package org.tongban.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.tongban.cases.Case;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.Channel;
import org.tongban.cases.TimelineEntry;

/**
 * A stage of a case that may be rated, and how the case's timeline tells that it happened and who acted:
 * 受理, 审查, 决定, 办结, and the window visit of a window-channel case.
 */
public enum Stage {
	ACCEPTANCE("受理"), REVIEW("审查"), DECISION("决定"), COMPLETION("办结"), WINDOW("窗口服务");

	private static final Set<String> ACCEPTANCE_ACTIONS = Set.of("accept", "deemed-accept", "refuse");
	private static final Set<String> REVIEW_ACTIONS = Set.of("review-approve", "review-deny");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The stage of its API name; empty for anything else. */
	public static Optional<Stage> of(String name) {
		for (Stage s : values()) {
			if (s.name().equals(name)) {
				return Optional.of(s);
			}
		}
		return Optional.empty();
	}

	/** When the stage happened and who acted in it; empty while it has not happened. */
	Optional<Fact> in(Case c) {
		List<TimelineEntry> timeline = c.timeline();
		return switch (this) {
			case ACCEPTANCE -> timeline.stream().filter(t -> t.action() != null && ACCEPTANCE_ACTIONS.contains(t.action())).findFirst().map(Fact::of);
			case REVIEW -> timeline.stream().filter(t -> t.action() != null && REVIEW_ACTIONS.contains(t.action())).reduce((a, b) -> b).map(Fact::of);
			case DECISION -> timeline.stream()
				.filter(t -> (t.status() == CaseStatus.GRANTED || t.status() == CaseStatus.DENIED) && c.decidedAt() != null)
				.findFirst().map(Fact::of);
			case COMPLETION -> c.completedAt() == null ? Optional.empty()
					: Optional.of(timeline.stream().filter(t -> !t.at().isAfter(c.completedAt())).reduce((a, b) -> b)
						.map(t -> new Fact(t.actor(), c.completedAt())).orElse(new Fact(null, c.completedAt())));
			case WINDOW -> c.channel() != Channel.WINDOW || c.submittedAt() == null ? Optional.empty()
					: Optional.of(new Fact(c.openedBy() != null ? c.openedBy() : timeline.get(0).actor(), c.submittedAt()));
		};
	}

	/** Who acted in a stage (a login, or "system") and when. */
	record Fact(String actor, Instant at) {
		static Fact of(TimelineEntry t) {
			return new Fact(t.actor(), t.at());
		}
	}
}
