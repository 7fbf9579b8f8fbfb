package org.tongban.cases;

import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import org.tongban.identity.Role;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.IdDocumentType;
import org.tongban.shared.Problem;
import org.tongban.shared.UnifiedSocialCreditCode;

/**
 * Who applies. Online, a citizen applies only as themselves and an enterprise only under its own USCC
 * (with an agent named); at the window, the clerk types the applicant in after checking the ID card.
 */
final class ApplicantCheck {

	private ApplicantCheck() {
	}

	/** Decides the owning account for a valid number, or refuses (403) the one applying. */
	private interface Owner {
		String of(Applicant.Kind kind, String number);
	}

	/** Adds field errors for what is malformed; throws 403 when the applicant is someone else. */
	static Applicant check(SignedInUser me, NewCase.ApplicantInput in, List<FieldMessage> errors) {
		return parse(in, errors, (kind, number) -> {
			if (kind == Applicant.Kind.PERSON && (!me.has(Role.CITIZEN) || !number.equals(me.idNumber()))) {
				throw Problem.forbidden("个人只能以本人身份申请，身份证号须与登录账户一致。");
			}
			if (kind == Applicant.Kind.ENTERPRISE && (!me.has(Role.ENTERPRISE) || !number.equals(me.uscc()))) {
				throw Problem.forbidden("企业只能以本单位名义申请，统一社会信用代码须与登录账户一致。");
			}
			return me.username();
		});
	}

	/**
	 * At the window the case belongs to the applicant's account when one exists (so it shows in their
	 * "my cases"), otherwise to a window owner named by the number. The clerk may record an identity document other
	 * than the resident ID; the applicant must be of a kind the item serves ({@code served}), and what was typed for
	 * the other kind is ignored.
	 */
	static Applicant atWindow(NewCase.ApplicantInput in, java.util.Set<Applicant.Kind> served, List<FieldMessage> errors,
			BiFunction<String, String, Optional<String>> accountOf) {
		return parse(in, true, served, errors, (kind, number) -> (kind == Applicant.Kind.PERSON ? accountOf.apply(number, null)
				: accountOf.apply(null, number)).orElse("window:" + number));
	}

	private static Applicant parse(NewCase.ApplicantInput in, List<FieldMessage> errors, Owner owner) {
		return parse(in, false, java.util.EnumSet.allOf(Applicant.Kind.class), errors, owner);
	}

	private static Applicant parse(NewCase.ApplicantInput in, boolean window, java.util.Set<Applicant.Kind> served,
			List<FieldMessage> errors, Owner owner) {
		if (in == null) {
			errors.add(new FieldMessage("applicant", "请填写申请人信息。"));
			return null;
		}
		Applicant.Kind kind;
		try {
			kind = Applicant.Kind.valueOf(in.kind() == null ? "" : in.kind().strip());
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldMessage("applicant.kind", "申请人类型应为 PERSON（个人）或 ENTERPRISE（企业）。"));
			return null;
		}
		if (!served.contains(kind)) {
			Applicant.Kind other = kind == Applicant.Kind.PERSON ? Applicant.Kind.ENTERPRISE : Applicant.Kind.PERSON;
			errors.add(new FieldMessage("applicant.kind", "本事项的申请人为" + other.label() + "，不能以" + kind.label()
					+ "名义办理。"));
			return null;
		}
		String name = text(in.name(), "applicant.name", kind == Applicant.Kind.PERSON ? "姓名" : "单位名称", errors);
		if (kind == Applicant.Kind.PERSON) {
			var type = IdDocumentType.parse(in.idType());
			if (type.isEmpty() || !window && type.get() != IdDocumentType.RESIDENT_ID) {
				errors.add(new FieldMessage("applicant.idType", type.isEmpty() ? "请选择申请人的身份证件类型。"
						: "网上申请以居民身份证办理；持其他证件的，请到窗口办理。"));
				return null;
			}
			var problem = type.get().problemWith(in.idNumber());
			if (problem.isPresent()) {
				errors.add(new FieldMessage("applicant.idNumber", problem.get()));
				return null;
			}
			String id = type.get().normalised(in.idNumber());
			// only a resident ID can name an applicant's account; other documents' cases stay with the window, under
			// the type as well as the number (a passport and a permit may share a number)
			String account = type.get() == IdDocumentType.RESIDENT_ID ? owner.of(kind, id)
					: "window:" + type.get().name() + ":" + id;
			return name == null ? null : new Applicant(kind, id, null, name, null, account, type.get());
		}
		var problem = UnifiedSocialCreditCode.problemWith(in.uscc());
		String agent = text(in.agentName(), "applicant.agentName", "经办人姓名", errors);
		if (problem.isPresent()) {
			errors.add(new FieldMessage("applicant.uscc", problem.get()));
			return null;
		}
		String uscc = new UnifiedSocialCreditCode(in.uscc()).value();
		String account = owner.of(kind, uscc);
		return name == null || agent == null ? null : new Applicant(kind, null, uscc, name, agent, account);
	}

	private static String text(String value, String field, String label, List<FieldMessage> errors) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldMessage(field, "请填写" + label + "。"));
			return null;
		}
		if (value.strip().length() > 100) {
			errors.add(new FieldMessage(field, label + "不能超过 100 字。"));
			return null;
		}
		return value.strip();
	}
}
