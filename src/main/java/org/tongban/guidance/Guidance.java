package org.tongban.guidance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;
import org.tongban.catalogue.GuideContent.Question;
import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * Smart guidance (智能导办): the published guide's question tree leads an applicant to one situation and
 * its material list, and the registers pre-fill what the authority already knows about the applicant.
 */
@Service
public class Guidance {

	static final String ACCOUNT = "账户信息";

	private final Catalogue catalogue;
	private final Registers registers;

	Guidance(Catalogue catalogue, Registers registers) {
		this.catalogue = catalogue;
		this.registers = registers;
	}

	/** The published guide an applicant is guided through; 404 problem when there is none. */
	public Guide guide(String code) {
		return catalogue.published(code).map(Guide::forPublic)
				.orElseThrow(() -> Problem.notFound("未找到事项编码为“" + code + "”的政务服务事项。"));
	}

	/** Follows every answer to one situation; a question on the path left unanswered or a wrong option is a 400. */
	public GuidanceResult answer(String code, Map<String, String> answers) {
		Guide guide = guide(code);
		QuestionWalk.Step step = QuestionWalk.walk(guide.questions(), situationCodes(guide), answers);
		return result(guide, step);
	}

	/** As far as the answers go: the answered path and the next question, or null when it already ends. */
	public Progress progress(String code, Map<String, String> answers) {
		Guide guide = guide(code);
		QuestionWalk.Step step = QuestionWalk.next(guide.questions(), situationCodes(guide), answers);
		return new Progress(guide, answers(step), step.pending());
	}

	/** The path so far and the question to answer next ({@code next} null when the path reached a situation). */
	public record Progress(Guide guide, List<GuidanceResult.Answer> answered, Question next) {
	}

	/**
	 * What the registers know about the signed-in applicant; fields named in {@code exclude} are left out
	 * entirely (the applicant chose not to share them). Only citizens and enterprises have a record.
	 */
	public Prefill prefill(SignedInUser me, Set<String> exclude) {
		List<Prefill.Field> fields = new ArrayList<>();
		String holder;
		if (me.has(Role.CITIZEN) && me.idNumber() != null) {
			holder = me.idNumber();
			add(fields, "name", "姓名", me.displayName(), ACCOUNT);
			add(fields, "idNumber", "公民身份号码", me.idNumber(), ACCOUNT);
			registers.person(holder).ifPresent(p -> {
				add(fields, "address", "住址", p.address(), p.source());
				add(fields, "phone", "联系电话", p.phone(), p.source());
			});
		}
		else if (me.has(Role.ENTERPRISE) && me.uscc() != null) {
			holder = me.uscc();
			add(fields, "uscc", "统一社会信用代码", me.uscc(), ACCOUNT);
			var enterprise = registers.enterprise(holder);
			enterprise.ifPresentOrElse(e -> {
				add(fields, "name", "单位名称", e.name(), e.source());
				add(fields, "legalRepresentative", "法定代表人", e.legalRepresentative(), e.source());
				add(fields, "address", "住所", e.address(), e.source());
			}, () -> add(fields, "name", "单位名称", me.displayName(), ACCOUNT));
		}
		else {
			throw Problem.forbidden("只有个人或企业办事人账户可以获取预填信息。");
		}
		List<Prefill.HeldLicence> licences = exclude.contains("licencesHeld") ? List.of()
				: registers.licences(holder).stream()
					.map(l -> new Prefill.HeldLicence(l.name(), l.number(), l.issuer(), l.validUntil(), l.source()))
					.toList();
		return new Prefill(fields.stream().filter(f -> !exclude.contains(f.field())).toList(), licences);
	}

	private static void add(List<Prefill.Field> fields, String field, String label, String value, String source) {
		if (value != null && !value.isBlank()) {
			fields.add(new Prefill.Field(field, label, value, source));
		}
	}

	private static List<String> situationCodes(Guide guide) {
		return guide.situations().stream().map(GuideContent.Situation::code).toList();
	}

	private static List<GuidanceResult.Answer> answers(QuestionWalk.Step step) {
		return step.answered().stream()
				.map(a -> new GuidanceResult.Answer(a.questionId(), a.question(), a.index(), a.option())).toList();
	}

	private static GuidanceResult result(Guide guide, QuestionWalk.Step step) {
		GuideContent.Situation s = guide.situation(step.situation());
		if (s == null) {
			throw new IllegalStateException(guide.code() + ": option leads to unknown situation " + step.situation());
		}
		List<GuidanceResult.Material> materials = s.materials() == null ? List.of()
				: s.materials().stream().map(Guidance::material).toList();
		return new GuidanceResult(guide.code(), guide.name(), guide.version(),
				new GuidanceResult.Situation(s.code(), s.name(), s.description()), answers(step), materials,
				// the situation's own limits where its rule sets them; 告知承诺 only where the situation offers it
				new GuidanceResult.TimeLimit(s.statutoryDays() != null ? s.statutoryDays() : guide.statutoryDays(),
						guide.immediate() ? 0 : s.promisedDays() != null ? s.promisedDays() : guide.promisedDays(),
						guide.immediate()),
				guide.fee(), guide.channels(), guide.offersCommitment(s.code()) ? guide.noticeCommitment() : null);
	}

	private static GuidanceResult.Material material(GuideContent.Material m) {
		boolean held = m.heldBy() != null && !m.heldBy().isBlank();
		return new GuidanceResult.Material(m.name(), m.kind(), kindLabel(m.kind()), m.copies(),
				!Boolean.FALSE.equals(m.required()), m.condition(), !held, held ? m.heldBy() : null,
				Boolean.TRUE.equals(m.blankForm()), Boolean.TRUE.equals(m.sample()), m.notes());
	}

	static String kindLabel(String kind) {
		return switch (kind == null ? "" : kind) {
			case "ORIGINAL" -> "原件";
			case "COPY" -> "复印件";
			case "ORIGINAL_AND_COPY" -> "原件及复印件";
			default -> kind;
		};
	}
}
