package org.tongban.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongban.shared.WorkingDayCalendar;

/**
 * 行政执法公示 of penalty decisions: what the public sees (the organisation, the violation, the basis, the decision and
 * its date: never a natural person's data, never the handler or reviewer), and for staff the decisions still to be
 * published with their due date (7 working days after the decision, 国办发〔2018〕118号).
 */
@Service
public class PenaltyPublication {

	/** A published decision as the public sees it. */
	public record Published(UUID id, String decisionNumber, String entityName, String uscc, String violation,
			String violated, String penaltyBasis, String decision, LocalDate decidedOn, LocalDate publishedOn) {
	}

	/** Where an unpublished decision stands against its due date. */
	public enum Urgency {
		ON_TIME("按期"), DUE_SOON("即将到期"), OVERDUE("已逾期");

		private final String label;

		Urgency(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** A decided, unpublished case with its due date and the working days left (negative when overdue). */
	public record Unpublished(UUID id, String decisionNumber, String entityName, LocalDate decidedOn, LocalDate due,
			int workingDaysLeft, Urgency urgency) {
	}

	private final JdbcClient jdbc;
	private final DiscretionBaseline baseline;
	private final WorkingDayCalendar calendar;
	private final PenaltySettings settings;
	private final Clock clock;

	PenaltyPublication(JdbcClient jdbc, DiscretionBaseline baseline, WorkingDayCalendar calendar, PenaltySettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.baseline = baseline;
		this.calendar = calendar;
		this.settings = settings;
		this.clock = clock;
	}

	/** Published decisions, newest first. */
	public List<Published> published(int limit) {
		return jdbc.sql(Penalties.SELECT + " WHERE published_at IS NOT NULL ORDER BY decided_on DESC, decision_number LIMIT ?")
			.param(limit).query(Penalties::row).list().stream().map(this::published).toList();
	}

	private Published published(PenaltyCase c) {
		var v = baseline.violation(c.violation());
		return new Published(c.id(), c.decisionNumber(), c.entityName(), c.uscc(),
				v.map(DiscretionBaseline.Violation::name).orElse(c.violation()),
				v.map(DiscretionBaseline.Violation::violated).orElse(""),
				v.map(DiscretionBaseline.Violation::penaltyBasis).orElse(""), c.decisionText(), c.decidedOn(),
				LocalDate.ofInstant(c.publishedAt(), Penalties.SHANGHAI));
	}

	/** Decided and not yet published, the most urgent first. */
	public List<Unpublished> unpublished() {
		LocalDate today = LocalDate.now(clock.withZone(Penalties.SHANGHAI));
		return jdbc.sql(Penalties.SELECT + " WHERE decided_at IS NOT NULL AND published_at IS NULL ORDER BY publication_due, id")
			.query(Penalties::row).list().stream().map(c -> {
				int left = calendar.workingDaysBetween(today, c.publicationDue());
				Urgency u = today.isAfter(c.publicationDue()) ? Urgency.OVERDUE
						: left <= settings.publicationWarningWorkingDays() ? Urgency.DUE_SOON : Urgency.ON_TIME;
				return new Unpublished(c.id(), c.decisionNumber(), c.entityName(), c.decidedOn(), c.publicationDue(), left, u);
			}).toList();
	}
}
