package org.tongban.integrated;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.tongban.catalogue.FormFieldType;
import org.tongban.integrated.IndustryPackage.Condition;
import org.tongban.integrated.IndustryPackage.Contradiction;
import org.tongban.integrated.IndustryPackage.Feed;
import org.tongban.integrated.IndustryPackage.Field;
import org.tongban.integrated.IndustryPackage.Item;
import org.tongban.integrated.IndustryPackage.Material;
import org.tongban.integrated.IndustryPackage.Question;
import org.tongban.integrated.IndustryPackage.QuestionType;
import org.tongban.shared.FieldMessage;

/**
 * What a package must satisfy before it is saved or published: every item code known to the catalogue with its
 * situation, every condition naming a question of the package with a value of its type, every field and material
 * naming items of the package. One message per fault, in Chinese, with the path to the faulty part.
 */
final class PackageRules {

	private PackageRules() {
	}

	/**
	 * @param situations the situation codes of a catalogue item's published guide, empty when the catalogue has no
	 *        such item
	 */
	static List<FieldMessage> check(IndustryPackage p, Function<String, Optional<Set<String>>> situations) {
		List<FieldMessage> errors = new ArrayList<>();
		require(errors, "code", p.code(), "请填写行业代码。");
		if (p.code() != null && !p.code().matches("[A-Z][A-Z0-9_]{1,39}")) {
			errors.add(new FieldMessage("code", "行业代码只能由大写字母、数字和下划线组成（如 DENTAL_CLINIC）。"));
		}
		require(errors, "name", p.name(), "请填写行业名称。");
		require(errors, "industry", p.industry(), "请填写所属行业。");
		require(errors, "leadAuthority", p.leadAuthority(), "请填写牵头部门。");
		require(errors, "division", p.division(), "请填写负责处室。");
		if (p.role() == null) {
			errors.add(new FieldMessage("role", "请注明本委是牵头（LEAD）还是配合（COOPERATING）。"));
		}
		if (p.itemCode() != null && situations.apply(p.itemCode()).isEmpty()) {
			errors.add(new FieldMessage("itemCode", "事项目录中没有编号为“" + p.itemCode() + "”的事项。"));
		}
		List<Question> questions = p.questions() == null ? List.of() : p.questions();
		Set<String> questionIds = new HashSet<>();
		for (int i = 0; i < questions.size(); i++) {
			Question q = questions.get(i);
			String path = "questions[" + i + "]";
			if (q.id() == null || q.id().isBlank() || !questionIds.add(q.id())) {
				errors.add(new FieldMessage(path + ".id", "问题编号缺失或重复：" + q.id()));
			}
			require(errors, path + ".text", q.text(), "请填写问题的文字。");
			if (q.type() == null) {
				errors.add(new FieldMessage(path + ".type", "问题类型须为 YES_NO、NUMBER 或 CHOICE。"));
			}
			else if (q.type() == QuestionType.CHOICE && (q.choices() == null || q.choices().size() < 2)) {
				errors.add(new FieldMessage(path + ".choices", "选择题“" + q.text() + "”至少需要两个选项。"));
			}
		}
		List<Item> items = p.items() == null ? List.of() : p.items();
		if (items.stream().noneMatch(i -> !i.external())) {
			errors.add(new FieldMessage("items", "行业至少要包含一个本委办理的事项。"));
		}
		Set<String> keys = new HashSet<>();
		Set<String> internal = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			Item item = items.get(i);
			String path = "items[" + i + "]";
			if (item.key() == null || item.key().isBlank() || !keys.add(item.key())) {
				errors.add(new FieldMessage(path + ".key", "事项键缺失或重复：" + item.key()));
			}
			require(errors, path + ".name", item.name(), "请填写事项名称。");
			if (item.external()) {
				require(errors, path + ".authority", item.authority(), "外部事项须写明办理部门。");
			}
			else {
				internal.add(item.key());
				checkItem(errors, path, item, situations);
			}
			checkConditions(errors, path + ".when", item.conditions(), p);
			for (IndustryPackage.SituationChoice choice : item.situationChoices()) {
				checkConditions(errors, path + ".situations", choice.when(), p);
			}
		}
		List<Contradiction> contradictions = p.contradictions() == null ? List.of() : p.contradictions();
		for (int i = 0; i < contradictions.size(); i++) {
			Contradiction c = contradictions.get(i);
			String path = "contradictions[" + i + "]";
			if (c.when() == null || c.when().isEmpty()) {
				errors.add(new FieldMessage(path + ".when", "矛盾规则须写明条件。"));
			}
			require(errors, path + ".message", c.message(), "矛盾规则须写明提示语。");
			checkConditions(errors, path + ".when", c.when(), p);
		}
		List<Field> fields = p.fields() == null ? List.of() : p.fields();
		Set<String> fieldNames = new HashSet<>();
		for (int i = 0; i < fields.size(); i++) {
			Field f = fields.get(i);
			String path = "fields[" + i + "]";
			if (f.name() == null || !f.name().matches("[a-z][A-Za-z0-9]{0,39}") || !fieldNames.add(f.name())) {
				errors.add(new FieldMessage(path + ".name", "字段名须为不重复的驼峰式英文（如 legalRepresentative）：" + f.name()));
			}
			require(errors, path + ".label", f.label(), "请填写字段的中文名称。");
			if (FormFieldType.parse(f.type()).isEmpty()) {
				errors.add(new FieldMessage(path + ".type", "字段“" + f.label() + "”的类型“" + f.type() + "”不是表单支持的类型。"));
			}
			if (f.prefill() != null && p.question(f.prefill()).isEmpty()) {
				errors.add(new FieldMessage(path + ".prefill", "字段“" + f.label() + "”预填引用了不存在的问题“" + f.prefill() + "”。"));
			}
			if (f.feedsOrNone().isEmpty()) {
				errors.add(new FieldMessage(path + ".feeds", "字段“" + f.label() + "”没有写明填入哪些事项。"));
			}
			for (Feed feed : f.feedsOrNone()) {
				if (!internal.contains(feed.item())) {
					errors.add(new FieldMessage(path + ".feeds", "字段“" + f.label() + "”填入的事项“" + feed.item()
							+ "”不是本行业的本委事项。"));
				}
				require(errors, path + ".feeds", feed.field(), "字段“" + f.label() + "”的去向缺少事项字段名。");
			}
		}
		List<Material> materials = p.materials() == null ? List.of() : p.materials();
		Set<String> materialCodes = new HashSet<>();
		for (int i = 0; i < materials.size(); i++) {
			Material m = materials.get(i);
			String path = "materials[" + i + "]";
			if (m.code() == null || m.code().isBlank() || !materialCodes.add(m.code())) {
				errors.add(new FieldMessage(path + ".code", "材料编号缺失或重复：" + m.code()));
			}
			require(errors, path + ".name", m.name(), "请填写材料名称。");
			if (m.neededBy() == null || m.neededBy().isEmpty()) {
				errors.add(new FieldMessage(path + ".neededBy", "材料“" + m.name() + "”没有写明哪些事项需要。"));
			}
			else {
				for (String key : m.neededBy()) {
					if (!internal.contains(key)) {
						errors.add(new FieldMessage(path + ".neededBy", "材料“" + m.name() + "”所属的事项“" + key
								+ "”不是本行业的本委事项。"));
					}
				}
			}
			checkConditions(errors, path + ".when", m.conditions(), p);
		}
		if (p.obligations() != null) {
			for (int i = 0; i < p.obligations().size(); i++) {
				IndustryPackage.Obligation o = p.obligations().get(i);
				require(errors, "obligations[" + i + "].title", o.title(), "请填写告知事项。");
				require(errors, "obligations[" + i + "].basis", o.basis(), "告知事项“" + o.title() + "”须写明法律依据。");
			}
		}
		if (p.demoAnswers() == null || p.demoAnswers().isEmpty()) {
			errors.add(new FieldMessage("demoAnswers", "请给出典型申请的问卷回答（用于计算减少的填报字段和材料）。"));
		}
		if (p.validity() == null || p.validity().rule() == null) {
			errors.add(new FieldMessage("validity.rule", "请设定统一有效期规则：EARLIEST_EXPIRY 或 COMMON_TERM。"));
		}
		else if (p.validity().rule() == IndustryPackage.ValidityRule.COMMON_TERM
				&& (p.validity().years() == null || p.validity().years() < 1 || p.validity().years() > 10)) {
			errors.add(new FieldMessage("validity.years", "统一期限须为 1 至 10 年。"));
		}
		if (errors.isEmpty()) {
			try {
				Answers.read(p, p.demoAnswers());
			}
			catch (org.tongban.shared.Problem ex) {
				ex.errors().forEach(e -> errors.add(new FieldMessage("demoAnswers." + e.field(), e.message())));
			}
		}
		return errors;
	}

	private static void checkItem(List<FieldMessage> errors, String path, Item item,
			Function<String, Optional<Set<String>>> situations) {
		if (item.itemCode() == null || item.itemCode().isBlank()) {
			errors.add(new FieldMessage(path + ".itemCode", "本委事项“" + item.name() + "”须写明事项编码。"));
			return;
		}
		if (!item.itemCode().equals(item.key())) {
			errors.add(new FieldMessage(path + ".key", "本委事项的键须与事项编码相同：" + item.itemCode()));
		}
		Optional<Set<String>> known = situations.apply(item.itemCode());
		if (known.isEmpty()) {
			errors.add(new FieldMessage(path + ".itemCode", "事项目录中没有编号为“" + item.itemCode() + "”的事项。"));
		}
		else {
			if (item.situation() == null && item.situationChoices().isEmpty()) {
				errors.add(new FieldMessage(path + ".situation", "事项“" + item.itemCode() + "”须写明办理情形。"));
			}
			if (item.situation() != null && !known.get().contains(item.situation())) {
				errors.add(new FieldMessage(path + ".situation", "事项“" + item.itemCode() + "”没有办理情形“"
						+ item.situation() + "”。"));
			}
			for (IndustryPackage.SituationChoice choice : item.situationChoices()) {
				if (choice.situation() == null || !known.get().contains(choice.situation())) {
					errors.add(new FieldMessage(path + ".situations", "事项“" + item.itemCode() + "”没有办理情形“"
							+ choice.situation() + "”。"));
				}
			}
		}
	}

	private static void checkConditions(List<FieldMessage> errors, String path, List<Condition> conditions,
			IndustryPackage p) {
		if (conditions == null) {
			return;
		}
		for (Condition c : conditions) {
			Optional<Question> q = p.questions() == null ? Optional.empty()
					: p.questions().stream().filter(x -> x.id() != null && x.id().equals(c.question())).findFirst();
			if (q.isEmpty()) {
				errors.add(new FieldMessage(path, "条件引用了不存在的问题“" + c.question() + "”。"));
				continue;
			}
			QuestionType type = q.get().type();
			boolean fits = type == null || switch (type) {
				case YES_NO -> c.equals() instanceof Boolean && c.atLeast() == null && c.atMost() == null
						&& c.in() == null;
				case NUMBER -> c.in() == null && (c.equals() == null || c.equals() instanceof Number);
				case CHOICE -> c.atLeast() == null && c.atMost() == null
						&& (c.equals() == null || q.get().choices() != null && q.get().choices().contains(c.equals().toString()))
						&& (c.in() == null || q.get().choices() != null && q.get().choices().containsAll(c.in()));
			};
			if (!fits) {
				errors.add(new FieldMessage(path, "条件对问题“" + c.question() + "”的取值与问题类型不符。"));
			}
		}
	}

	private static void require(List<FieldMessage> errors, String field, String value, String message) {
		if (value == null || value.isBlank()) {
			errors.add(new FieldMessage(field, message));
		}
	}

	/** The messages as one text, for a start-up failure naming the file. */
	static String describe(List<FieldMessage> errors) {
		return String.join("；", errors.stream().map(e -> e.field() + "：" + e.message()).toList());
	}
}
