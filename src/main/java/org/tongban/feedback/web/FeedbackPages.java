package org.tongban.feedback.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.cases.Case;
import org.tongban.cases.CaseId;
import org.tongban.feedback.FeedbackDuty;
import org.tongban.feedback.Levels;
import org.tongban.feedback.Rating;
import org.tongban.feedback.RatingRequest;
import org.tongban.feedback.Ratings;
import org.tongban.feedback.Rectification;
import org.tongban.feedback.Rectifications;
import org.tongban.feedback.Satisfaction;
import org.tongban.feedback.Stage;
import org.tongban.identity.Organisation;
import org.tongban.identity.SignedInUser;
import org.tongban.identity.StaffDirectory;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages of 好差评: the ratings part of a case page (loaded by htmx into {@code #case-ratings}, so the cases
 * module does not know this one), the units' rectification list, and the public satisfaction table.
 */
@Controller
class FeedbackPages {

	/** A stage on the case page: when it happened, who served, the rating and its rectifications. */
	record StageView(String stage, String label, String staffName, RatingView rating, boolean changeable,
			List<Rectification> rectifications) {
	}

	/** A level to choose, with its Chinese name. */
	record LevelOption(int value, String label) {
	}

	/** A task on the units' list, with the facts the list shows. */
	record TaskView(Rectification task, String unitName, String stageLabel, String levelLabel, String itemName,
			boolean mayAct) {
	}

	private static final List<LevelOption> LEVELS = List.of(5, 4, 3, 2, 1).stream()
		.map(l -> new LevelOption(l, Levels.label(l))).toList();

	/** The reason tags under the levels they go with. */
	record TagGroup(String label, List<String> tags) {
	}

	private static final List<TagGroup> TAG_GROUPS = List.of(new TagGroup("满意、非常满意", Levels.GOOD_TAGS),
			new TagGroup("基本满意", Levels.FAIR_TAGS), new TagGroup("不满意、非常不满意", Levels.BAD_TAGS));

	private final Ratings ratings;
	private final Rectifications rectifications;
	private final Satisfaction satisfaction;
	private final FeedbackDuty duty;
	private final StaffDirectory staff;
	private final Organisation organisation;

	FeedbackPages(Ratings ratings, Rectifications rectifications, Satisfaction satisfaction, FeedbackDuty duty,
			StaffDirectory staff, Organisation organisation) {
		this.ratings = ratings;
		this.rectifications = rectifications;
		this.satisfaction = satisfaction;
		this.duty = duty;
		this.staff = staff;
		this.organisation = organisation;
	}

	@GetMapping("/cases/{id}/ratings")
	String fragment(@PathVariable UUID id, @AuthenticationPrincipal SignedInUser me, Model model) {
		Case c = ratings.readableCase(me, new CaseId(id));
		fill(model, c, me, null, null, null);
		return "feedback/ratings :: ratings";
	}

	@PostMapping("/cases/{id}/ratings")
	String rate(@PathVariable UUID id, @RequestParam(required = false) String stage,
			@RequestParam(required = false) Integer level, @RequestParam(required = false) List<String> tags,
			@RequestParam(required = false) String text, @RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal SignedInUser me, Model model, HttpServletResponse response) {
		Case c = ratings.ownCase(me, new CaseId(id));
		String message = null;
		List<FieldMessage> errors = List.of();
		try {
			Ratings.Outcome outcome = ratings.rate(me, c.id(), new RatingRequest(stage, level, tags, text));
			message = (outcome.created() ? "已提交对“" : "已修改对“") + outcome.rating().stage().label() + "”环节的评价："
					+ outcome.rating().levelLabel() + "。" + (Levels.dissatisfied(outcome.rating().level())
							? "责任单位将在 1 个工作日内与您联系，并在 " + rectifications.replyDays() + " 个工作日内答复整改情况。" : "感谢您的评价。");
			if (htmx == null) {
				return "redirect:/cases/" + id;
			}
		}
		catch (Problem p) {
			if (p.status() == HttpStatus.NOT_FOUND) {
				throw p;
			}
			errors = p.errors().isEmpty() ? List.of(new FieldMessage("form", p.getMessage())) : p.errors();
			if (htmx == null) {
				response.setStatus(p.status().value());
			}
		}
		fill(model, ratings.ownCase(me, c.id()), me, message, stage, errors);
		model.addAttribute("typed", new RatingRequest(stage, level, tags, text));
		return htmx == null ? "feedback/rating-page" : "feedback/ratings :: ratings";
	}

	@GetMapping("/feedback/rectifications")
	String rectifications(@AuthenticationPrincipal SignedInUser me, Model model) {
		return list(me, model, null, null, null);
	}

	@PostMapping("/feedback/rectifications/{rid}/{action}")
	String act(@PathVariable UUID rid, @PathVariable String action, @RequestParam(required = false) String note,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal SignedInUser me,
			Model model, HttpServletResponse response) {
		boolean applicant = action.equals("confirm") || action.equals("reopen");
		Rectification task = switch (action) {
			case "contact", "reply" -> duty.toHandle(me, rid);
			case "confirm", "reopen" -> duty.toAnswer(me, rid);
			default -> throw Problem.notFound("没有这个操作。");
		};
		try {
			switch (action) {
				case "contact" -> rectifications.contact(rid, me.username(), note);
				case "reply" -> rectifications.reply(rid, me.username(), note);
				case "confirm" -> rectifications.confirm(rid, me.username(), note);
				default -> rectifications.reopen(rid, me.username(), note);
			}
		}
		catch (Problem p) {
			response.setStatus(htmx != null ? 200 : p.status().value());
			if (applicant) {
				Case c = ratings.ownCase(me, task.caseId());
				fill(model, c, me, null, null, List.of(new FieldMessage("task-" + rid, p.getMessage())));
				return htmx == null ? "feedback/rating-page" : "feedback/ratings :: ratings";
			}
			return list(me, model, rid, p.getMessage(), note);
		}
		if (applicant) {
			if (htmx == null) {
				return "redirect:/cases/" + task.caseId().value();
			}
			fill(model, ratings.ownCase(me, task.caseId()), me,
					action.equals("confirm") ? "已确认整改结果，谢谢。" : "已重新提出，责任单位将再次整改并答复。", null, null);
			return "feedback/ratings :: ratings";
		}
		return "redirect:/feedback/rectifications?done=" + action;
	}

	/** The key figures for the leaders' cockpit (any staff member who reads the cockpit). */
	@GetMapping("/feedback/cockpit")
	String cockpit(@AuthenticationPrincipal SignedInUser me, Model model) {
		if (!me.isStaff()) {
			throw Problem.forbidden("只有工作人员可以查看驾驶舱。");
		}
		model.addAttribute("overall", satisfaction.overall());
		return "feedback/cockpit :: figures";
	}

	@GetMapping("/satisfaction")
	String satisfaction(Model model) {
		model.addAttribute("overall", satisfaction.overall());
		model.addAttribute("byItem", satisfaction.table(Satisfaction.By.ITEM, null, null));
		model.addAttribute("byUnit", satisfaction.table(Satisfaction.By.UNIT, null, null));
		model.addAttribute("byChannel", satisfaction.table(Satisfaction.By.CHANNEL, null, null));
		model.addAttribute("definition", Satisfaction.RATE_DEFINITION);
		model.addAttribute("onTimeDefinition", Satisfaction.ON_TIME_DEFINITION);
		return "feedback/satisfaction";
	}

	private String list(SignedInUser me, Model model, UUID errorTask, String error, String typed) {
		String scope = duty.scope(me);
		Map<String, String> units = organisation.names();
		List<TaskView> tasks = new ArrayList<>();
		for (Rectification r : rectifications.list(scope)) {
			Rating rating = ratings.byId(r.ratingId());
			tasks.add(new TaskView(r, units.getOrDefault(r.unit(), r.unit()), rating.stage().label(), rating.levelLabel(),
					rating.itemName(), me.isStaff() && r.unit().equals(me.orgUnitCode())));
		}
		model.addAttribute("tasks", tasks);
		model.addAttribute("scopeName", scope == null ? "全部单位" : units.getOrDefault(scope, scope));
		model.addAttribute("errorTask", errorTask);
		model.addAttribute("error", error);
		model.addAttribute("typedNote", typed);
		model.addAttribute("replyDays", rectifications.replyDays());
		model.addAttribute("staff", staff);
		return "feedback/rectifications";
	}

	private void fill(Model model, Case c, SignedInUser me, String message, String errorStage, List<FieldMessage> errors) {
		Map<Stage, Rating> given = ratings.of(c.id());
		Map<String, String> units = organisation.names();
		Instant now = ratings.now();
		List<Rectification> tasks = rectifications.ofCase(c.id());
		List<StageView> stages = new ArrayList<>();
		for (Stage s : ratings.happened(c)) {
			Rating r = given.get(s);
			RatingView view = r == null ? null : RatingView.of(r, staff, units, ratings.changePeriod());
			stages.add(new StageView(s.name(), s.label(), ratings.handlerName(c, s).orElse(null), view,
					view == null || !now.isAfter(view.changeableUntil()),
					r == null ? List.of() : tasks.stream().filter(t -> t.ratingId().equals(r.id())).toList()));
		}
		Map<String, String> errorByField = new LinkedHashMap<>();
		if (errors != null) {
			errors.forEach(e -> errorByField.putIfAbsent(e.field(), e.message()));
		}
		model.addAttribute("c", c);
		model.addAttribute("caseId", c.id().value());
		model.addAttribute("owner", me.username().equals(c.applicant().owner()));
		model.addAttribute("stages", stages);
		model.addAttribute("levels", LEVELS);
		model.addAttribute("tagGroups", TAG_GROUPS);
		model.addAttribute("message", message);
		model.addAttribute("errorStage", errorStage);
		model.addAttribute("errors", errorByField);
		model.addAttribute("changeDays", ratings.changePeriod().toDays());
		model.addAttribute("textLimit", Ratings.TEXT_LIMIT);
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", null);
		}
	}
}
