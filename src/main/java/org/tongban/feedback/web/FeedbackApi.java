package org.tongban.feedback.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseId;
import org.tongban.feedback.FeedbackDuty;
import org.tongban.feedback.Rating;
import org.tongban.feedback.RatingRequest;
import org.tongban.feedback.Ratings;
import org.tongban.feedback.Rectification;
import org.tongban.feedback.Rectifications;
import org.tongban.feedback.Satisfaction;
import org.tongban.identity.Organisation;
import org.tongban.identity.SignedInUser;
import org.tongban.identity.StaffDirectory;
import org.tongban.shared.Problem;

/** 好差评 over HTTP: the applicant rates stages, staff read ratings and work rectifications, anyone reads statistics. */
@RestController
class FeedbackApi {

	/** A note on a rectification step. */
	record Note(String note) {
	}

	/** What staff read: the figures by staff member and unit, and the ratings themselves. */
	record StaffReport(String scope, String definition, List<Satisfaction.Row> byStaff, List<Satisfaction.Row> byUnit,
			List<StaffRating> ratings) {
	}

	record StaffRating(UUID caseId, String itemCode, String itemName, String channel, RatingView rating) {
	}

	/** The public statistics: no names, no case numbers, no text. */
	record PublicReport(String definition, String onTimeDefinition, Satisfaction.Overall overall,
			List<Satisfaction.Row> byItem, List<Satisfaction.Row> byUnit, List<Satisfaction.Row> byChannel) {
	}

	private final Ratings ratings;
	private final Rectifications rectifications;
	private final Satisfaction satisfaction;
	private final FeedbackDuty duty;
	private final StaffDirectory staff;
	private final Organisation organisation;

	FeedbackApi(Ratings ratings, Rectifications rectifications, Satisfaction satisfaction, FeedbackDuty duty,
			StaffDirectory staff, Organisation organisation) {
		this.ratings = ratings;
		this.rectifications = rectifications;
		this.satisfaction = satisfaction;
		this.duty = duty;
		this.staff = staff;
		this.organisation = organisation;
	}

	@PostMapping("/api/cases/{id}/ratings")
	ResponseEntity<RatingView> rate(@PathVariable UUID id, @RequestBody RatingRequest request,
			@AuthenticationPrincipal SignedInUser me) {
		Ratings.Outcome outcome = ratings.rate(me, new CaseId(id), request);
		return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view(outcome.rating()));
	}

	@GetMapping("/api/cases/{id}/ratings")
	List<RatingView> ofCase(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me) {
		CaseId caseId = ratings.readableCase(me, new CaseId(id)).id();
		return ratings.of(caseId).values().stream().map(this::view).toList();
	}

	@GetMapping("/api/feedback/ratings")
	StaffReport search(@RequestParam(required = false) String item, @RequestParam(required = false) String unit,
			@AuthenticationPrincipal SignedInUser me) {
		String scope = duty.scope(me);
		String narrowed = scope != null ? scope : unit;
		List<StaffRating> list = ratings.search(item, narrowed).stream()
			.map(r -> new StaffRating(r.caseId().value(), r.itemCode(), r.itemName(), r.channel(), view(r))).toList();
		List<Satisfaction.Row> byStaff = satisfaction.table(Satisfaction.By.STAFF, item, narrowed).stream()
			.map(row -> row.key() == null ? row : new Satisfaction.Row(row.key(), staff.nameOf(row.key()), row.ratings(),
					row.satisfied(), row.satisfactionRate(), row.rectificationsDue(), row.rectificationsOnTime(), row.onTimeRate()))
			.toList();
		return new StaffReport(scope, Satisfaction.RATE_DEFINITION, byStaff,
				satisfaction.table(Satisfaction.By.UNIT, item, narrowed), list);
	}

	@GetMapping("/api/feedback/rectifications")
	List<Rectification> rectifications(@AuthenticationPrincipal SignedInUser me) {
		return rectifications.list(duty.scope(me));
	}

	@PostMapping("/api/feedback/rectifications/{id}/actions/{action}")
	Rectification act(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) Note note,
			@AuthenticationPrincipal SignedInUser me) {
		String text = note == null ? null : note.note();
		return switch (action) {
			case "contact" -> rectifications.contact(duty.toHandle(me, id).id(), me.username(), text);
			case "reply" -> rectifications.reply(duty.toHandle(me, id).id(), me.username(), text);
			case "confirm" -> rectifications.confirm(duty.toAnswer(me, id).id(), me.username(), text);
			case "reopen" -> rectifications.reopen(duty.toAnswer(me, id).id(), me.username(), text);
			default -> throw Problem.notFound("没有这个操作：" + action + "（可用：contact、reply、confirm、reopen）。");
		};
	}

	@GetMapping("/api/public/satisfaction")
	PublicReport publicReport() {
		return new PublicReport(Satisfaction.RATE_DEFINITION, Satisfaction.ON_TIME_DEFINITION, satisfaction.overall(),
				satisfaction.table(Satisfaction.By.ITEM, null, null), satisfaction.table(Satisfaction.By.UNIT, null, null),
				satisfaction.table(Satisfaction.By.CHANNEL, null, null));
	}

	private RatingView view(Rating r) {
		Map<String, String> units = organisation.names();
		return RatingView.of(r, staff, units, ratings.changePeriod());
	}
}
