package org.tongban.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.catalogue.GuideContent.Material;
import org.tongban.catalogue.GuideContent.Option;
import org.tongban.catalogue.GuideContent.Question;
import org.tongban.catalogue.GuideContent.Situation;
import org.tongban.shared.FieldMessage;

/**
 * What a guide must satisfy before it is saved or published, as field-level Chinese messages. The same rules
 * check the item files at start-up, so a file and an edited draft cannot differ in what is allowed.
 */
final class GuideRules {

	private static final Set<String> KINDS = Set.of("ORIGINAL", "COPY", "ORIGINAL_AND_COPY");
	/** When a limit starts counting: from receipt of the complete application, or from acceptance. */
	static final Set<String> COUNT_FROM = Set.of("RECEIPT", "ACCEPTANCE");

	private final List<FieldMessage> errors = new ArrayList<>();

	private GuideRules() {
	}

	static List<FieldMessage> check(GuideContent c, Set<String> lawIds) {
		GuideRules rules = new GuideRules();
		rules.header(c, lawIds);
		rules.timeLimits(c.timeLimits());
		rules.situations(c.situations());
		rules.commitment(c);
		rules.questions(c.situationQuestions(), c.situations());
		rules.licence(c.licence());
		rules.form(c.form(), c.situations());
		rules.particularsOnTheForm(c);
		return List.copyOf(rules.errors);
	}

	/** Form fields the application already uses for something else: not a licence's particulars. */
	static final Set<String> RESERVED_FIELDS = Set.of("phone", "note", "address", "licenceNumber", "scope",
			"holderName", "legalRepresentative");

	private void licence(GuideContent.Licence licence) {
		if (licence == null) {
			return;
		}
		Set<String> seen = new HashSet<>();
		Set<String> labels = new HashSet<>();
		List<GuideContent.Particular> all = licence.particularsOrNone();
		for (int i = 0; i < all.size(); i++) {
			GuideContent.Particular p = all.get(i);
			String at = "licence.particulars[" + i + "]";
			if (p == null || p.field() == null || !p.field().matches("[a-z][A-Za-z0-9]{0,39}")) {
				error(at + ".field", "证照记载事项的字段名应为 1–40 位英文字母或数字、小写字母开头（如 institution）。");
			}
			else if (RESERVED_FIELDS.contains(p.field())) {
				error(at + ".field", "字段名“" + p.field() + "”已用于申请表的其他内容，请换一个。");
			}
			else if (!seen.add(p.field())) {
				error(at + ".field", "字段名“" + p.field() + "”重复。");
			}
			if (p == null || p.label() == null || p.label().isBlank() || p.label().strip().length() > 20) {
				error(at + ".label", "请填写证照记载事项的名称（不超过 20 字）。");
			}
			else if (!labels.add(p.label().strip())) {
				error(at + ".label", "证照记载事项“" + p.label().strip() + "”重复。");
			}
		}
	}

	private void header(GuideContent c, Set<String> lawIds) {
		required("name", c.name(), "请填写事项名称。");
		required("fee", c.fee(), "请填写收费情况（不收费请填写“不收费”）。");
		if (c.promisedDays() == null || c.promisedDays() < 0) {
			error("promisedDays", "请填写承诺时限（工作日，不小于 0）。");
		}
		if (c.statutoryDays() != null && c.statutoryDays() < 0) {
			error("statutoryDays", "法定时限不能为负数。");
		}
		if (c.promisedDays() != null && c.statutoryDays() != null && c.promisedDays() > c.statutoryDays()) {
			error("promisedDays", "承诺时限（" + c.promisedDays() + " 个工作日）不能超过法定时限（" + c.statutoryDays()
					+ " 个工作日）。");
		}
		if (c.immediate() == null) {
			error("immediate", "请选择是否为即办件。");
		}
		else if (c.promisedDays() != null && c.immediate() != (c.promisedDays() == 0)) {
			error("immediate", c.immediate() ? "即办件的承诺时限应为 0 个工作日。" : "承诺时限为 0 的事项应标记为即办件。");
		}
		if (c.retentionYears() == null || c.retentionYears() <= 0) {
			error("retentionYears", "请填写档案保管期限（年）。");
		}
		if (c.channels() == null) {
			error("channels", "请填写办理渠道。");
		}
		if (c.legalBasis() == null || c.legalBasis().isEmpty()) {
			error("legalBasis", "请至少填写一条设定依据。");
		}
		else {
			for (int i = 0; i < c.legalBasis().size(); i++) {
				String law = c.legalBasis().get(i).law();
				if (law == null || !lawIds.contains(law)) {
					error("legalBasis[" + i + "].law", "法律依据“" + law + "”不在法规库中。");
				}
			}
		}
	}

	private void situations(List<Situation> situations) {
		if (situations == null || situations.isEmpty()) {
			error("situations", "请至少设置一个办理情形。");
			return;
		}
		Set<String> codes = new HashSet<>();
		for (int s = 0; s < situations.size(); s++) {
			Situation situation = situations.get(s);
			String path = "situations[" + s + "]";
			if (blank(situation.code()) || !situation.code().matches("[A-Z][A-Z0-9_]*")) {
				error(path + ".code", "情形编码须为大写字母、数字和下划线。");
			}
			else if (!codes.add(situation.code())) {
				error(path + ".code", "情形编码“" + situation.code() + "”重复。");
			}
			required(path + ".name", situation.name(), "请填写情形名称。");
			situationLimits(path, situation);
			List<Material> materials = situation.materials() == null ? List.of() : situation.materials();
			for (int m = 0; m < materials.size(); m++) {
				material(path + ".materials[" + m + "]", materials.get(m));
			}
		}
	}

	private void commitment(GuideContent c) {
		GuideContent.NoticeCommitment nc = c.noticeCommitment();
		boolean applies = nc != null && Boolean.TRUE.equals(nc.applies());
		if (applies && nc.verificationDays() != null && nc.verificationDays() <= 0) {
			error("noticeCommitment.verificationDays", "事后核查期限须为正数（自准予许可之日起的日数）。");
		}
		List<Situation> situations = c.situations() == null ? List.of() : c.situations();
		for (int s = 0; s < situations.size(); s++) {
			Situation situation = situations.get(s);
			if (!Boolean.TRUE.equals(situation.noticeCommitment())) {
				continue;
			}
			if (!applies) {
				error("situations[" + s + "].noticeCommitment", "事项未实行告知承诺制，情形不能适用告知承诺。");
			}
			if (Boolean.TRUE.equals(situation.onSiteCheckBeforeDecision())) {
				error("situations[" + s + "].noticeCommitment", "作出决定前须现场核查的情形不能适用告知承诺制。");
			}
		}
	}

	private void timeLimits(GuideContent.TimeLimitRules rules) {
		if (rules == null) {
			return;
		}
		if (rules.countFrom() != null && !COUNT_FROM.contains(rules.countFrom())) {
			error("timeLimits.countFrom", "时限起算须为收到申请（RECEIPT）或受理（ACCEPTANCE）。");
		}
		GuideContent.Extension extension = rules.extension();
		if (extension != null) {
			if (extension.days() == null || extension.days() < 0) {
				error("timeLimits.extension.days", "请填写可延长的工作日数（不可延长填 0）。");
			}
			else if (extension.days() > 0 && blank(extension.basis())) {
				error("timeLimits.extension.basis", "请写明延长期限的依据。");
			}
		}
	}

	private void situationLimits(String path, Situation s) {
		if (s.statutoryDays() != null && s.statutoryDays() <= 0) {
			error(path + ".statutoryDays", "情形的法定时限须为正数。");
		}
		if (s.promisedDays() != null && s.promisedDays() < 0) {
			error(path + ".promisedDays", "情形的承诺时限不能为负数。");
		}
		if (s.promisedDays() != null && s.statutoryDays() != null && s.promisedDays() > s.statutoryDays()) {
			error(path + ".promisedDays", "情形的承诺时限不能超过其法定时限。");
		}
		if (s.countFrom() != null && !COUNT_FROM.contains(s.countFrom())) {
			error(path + ".countFrom", "时限起算须为收到申请（RECEIPT）或受理（ACCEPTANCE）。");
		}
		if ((s.statutoryDays() != null || s.countFrom() != null) && blank(s.limitBasis())) {
			error(path + ".limitBasis", "情形另有时限规定的，须写明依据（如某办法第几条）。");
		}
	}

	private void material(String path, Material m) {
		required(path + ".name", m.name(), "请填写材料名称。");
		if (m.kind() == null || !KINDS.contains(m.kind())) {
			error(path + ".kind", "材料形式须为原件、复印件或原件和复印件。");
		}
		if (m.copies() == null || m.copies() < 1) {
			error(path + ".copies", "份数至少为 1。");
		}
		if (m.required() == null) {
			error(path + ".required", "请选择材料是否必须提交。");
		}
		else if (!m.required() && blank(m.condition())) {
			error(path + ".condition", "非必需材料须说明在什么情况下需要提交。");
		}
	}

	/** Every option leads somewhere that exists, every question and situation is reachable, no cycles. */
	private void questions(List<Question> questions, List<Situation> situations) {
		Set<String> situationCodes = new HashSet<>();
		if (situations != null) {
			situations.forEach(s -> situationCodes.add(s.code()));
		}
		if (questions == null || questions.isEmpty()) {
			if (situationCodes.size() > 1) {
				error("situationQuestions", "有多个办理情形时，须设置引导问题。");
			}
			return;
		}
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int q = 0; q < questions.size(); q++) {
			Question question = questions.get(q);
			if (blank(question.id()) || !question.id().matches("[a-z0-9]+(-[a-z0-9]+)*")) {
				error("situationQuestions[" + q + "].id", "问题编号须为小写字母、数字和连字符。");
			}
			else if (index.putIfAbsent(question.id(), q) != null) {
				error("situationQuestions[" + q + "].id", "问题编号“" + question.id() + "”重复。");
			}
			required("situationQuestions[" + q + "].text", question.text(), "请填写问题内容。");
		}
		for (int q = 0; q < questions.size(); q++) {
			List<Option> options = questions.get(q).options() == null ? List.of() : questions.get(q).options();
			if (options.isEmpty()) {
				error("situationQuestions[" + q + "].options", "问题至少需要一个选项。");
			}
			for (int o = 0; o < options.size(); o++) {
				Option option = options.get(o);
				String path = "situationQuestions[" + q + "].options[" + o + "]";
				required(path + ".label", option.label(), "请填写选项内容。");
				if (blank(option.next()) == blank(option.situation())) {
					error(path, "选项须且只能指向一个后续问题或一个办理情形。");
				}
				else if (!blank(option.next()) && !index.containsKey(option.next())) {
					error(path + ".next", "选项指向的问题“" + option.next() + "”不存在。");
				}
				else if (!blank(option.situation()) && !situationCodes.contains(option.situation())) {
					error(path + ".situation", "选项指向的办理情形“" + option.situation() + "”不存在。");
				}
			}
		}
		walk(questions, index, situationCodes);
	}

	private void walk(List<Question> questions, Map<String, Integer> index, Set<String> situationCodes) {
		Map<String, Integer> state = new HashMap<>(); // 1 on the current path, 2 done
		Set<String> reached = new HashSet<>();
		visit(questions, index, questions.get(0).id(), state, reached);
		for (int q = 0; q < questions.size(); q++) {
			if (questions.get(q).id() != null && !state.containsKey(questions.get(q).id())) {
				error("situationQuestions[" + q + "]", "问题“" + questions.get(q).id() + "”无法从第一个问题到达。");
			}
		}
		for (String code : situationCodes) {
			if (!reached.contains(code)) {
				error("situations[" + code + "]", "办理情形“" + code + "”没有任何问题选项指向它。");
			}
		}
	}

	private void visit(List<Question> questions, Map<String, Integer> index, String id, Map<String, Integer> state,
			Set<String> reached) {
		state.put(id, 1);
		int q = index.get(id);
		List<Option> options = questions.get(q).options() == null ? List.of() : questions.get(q).options();
		for (int o = 0; o < options.size(); o++) {
			Option option = options.get(o);
			if (option.situation() != null) {
				reached.add(option.situation());
			}
			if (option.next() == null || !index.containsKey(option.next())) {
				continue;
			}
			Integer seen = state.get(option.next());
			if (seen == null) {
				visit(questions, index, option.next(), state, reached);
			}
			else if (seen == 1) {
				error("situationQuestions[" + q + "].options[" + o + "].next",
						"问题之间形成了循环（“" + id + "”→“" + option.next() + "”）。");
			}
		}
		state.put(id, 2);
	}

	/** The application form: unique camelCase names, a label, a known type, limits that fit the type. */
	private void form(List<GuideContent.FormField> form, List<Situation> situations) {
		if (form == null) {
			return;
		}
		Set<String> codes = new HashSet<>();
		if (situations != null) {
			situations.forEach(s -> codes.add(s.code()));
		}
		Set<String> names = new HashSet<>();
		for (int i = 0; i < form.size(); i++) {
			GuideContent.FormField f = form.get(i);
			String at = "form[" + i + "]";
			if (f == null || f.name() == null || !f.name().matches("[a-z][A-Za-z0-9]{0,39}")) {
				error(at + ".name", "申请表字段名应为 1–40 位英文字母或数字、小写字母开头（如 institution）。");
				continue;
			}
			if (!names.add(f.name())) {
				error(at + ".name", "申请表字段“" + f.name() + "”重复。");
			}
			required(at + ".label", f.label(), "请填写申请表字段“" + f.name() + "”的名称（中文）。");
			var type = FormFieldType.parse(f.type());
			if (type.isEmpty()) {
				error(at + ".type", "申请表字段“" + f.name() + "”的类型应为 text、number、date、choice、idNumber、uscc、phone、address 或 table 之一。");
				continue;
			}
			fieldLimits(at, f, type.get());
			if (type.get() == FormFieldType.TABLE) {
				table(at, f);
			}
			else if (f.columns() != null || f.minRows() != null || f.maxRows() != null) {
				error(at + ".columns", "只有表格字段可以设置列（columns）和行数。");
			}
			if (f.situations() != null) {
				f.situations().stream().filter(s -> !codes.contains(s)).forEach(
						s -> error(at + ".situations", "申请表字段“" + f.label() + "”所属的办理情形“" + s + "”不存在。"));
			}
		}
	}

	/** A table's columns: named and typed like fields, no table inside a table; row bounds that make sense. */
	private void table(String at, GuideContent.FormField f) {
		if (f.columns() == null || f.columns().isEmpty()) {
			error(at + ".columns", "表格字段“" + f.label() + "”至少需要一列。");
			return;
		}
		if (f.columns().size() > 20) {
			error(at + ".columns", "表格字段“" + f.label() + "”最多 20 列。");
		}
		if (f.minRows() != null && (f.minRows() < 0 || f.minRows() > 200)) {
			error(at + ".minRows", "最少行数应在 0–200 之间。");
		}
		if (f.maxRows() != null && (f.maxRows() < 1 || f.maxRows() > 200)) {
			error(at + ".maxRows", "最多行数应在 1–200 之间。");
		}
		if (f.minRows() != null && f.maxRows() != null && f.minRows() > f.maxRows()) {
			error(at + ".maxRows", "最多行数不能小于最少行数。");
		}
		Set<String> names = new HashSet<>();
		for (int j = 0; j < f.columns().size(); j++) {
			GuideContent.FormField c = f.columns().get(j);
			String col = at + ".columns[" + j + "]";
			if (c == null || c.name() == null || !c.name().matches("[a-z][A-Za-z0-9]{0,39}")) {
				error(col + ".name", "表格的列名应为 1–40 位英文字母或数字、小写字母开头（如 idNumber）。");
				continue;
			}
			if (!names.add(c.name())) {
				error(col + ".name", "表格“" + f.label() + "”的列“" + c.name() + "”重复。");
			}
			required(col + ".label", c.label(), "请填写表格“" + f.label() + "”的列“" + c.name() + "”的名称（中文）。");
			var type = FormFieldType.parse(c.type());
			if (type.isEmpty() || type.get() == FormFieldType.TABLE) {
				error(col + ".type", "表格“" + f.label() + "”的列“" + c.name() + "”的类型应为 text、number、date、choice、idNumber、uscc、phone 或 address 之一。");
				continue;
			}
			if (c.situations() != null || c.columns() != null || c.minRows() != null || c.maxRows() != null) {
				error(col + ".situations", "表格的列不能设置办理情形、列或行数。");
			}
			fieldLimits(col, c, type.get());
		}
	}

	/** Limits that fit the field's type. */
	private void fieldLimits(String at, GuideContent.FormField f, FormFieldType type) {
		if (f.maxLength() != null && (f.maxLength() < 1 || f.maxLength() > 2000)) {
			error(at + ".maxLength", "最大长度应在 1–2000 字之间。");
		}
		if ((f.min() != null || f.max() != null) && type != FormFieldType.NUMBER) {
			error(at + ".min", "只有数字字段可以设置最小值、最大值。");
		}
		if (f.min() != null && f.max() != null && f.min().compareTo(f.max()) > 0) {
			error(at + ".max", "最大值不能小于最小值。");
		}
		boolean choice = type == FormFieldType.CHOICE;
		if (choice && (f.choices() == null || f.choices().isEmpty() || f.choices().stream().anyMatch(GuideRules::blank))) {
			error(at + ".choices", "选项字段“" + f.label() + "”至少需要一个非空选项。");
		}
		if (!choice && f.choices() != null && !f.choices().isEmpty()) {
			error(at + ".choices", "只有选项字段可以设置选项。");
		}
	}

	/** Where the guide defines its form, the licence's particulars are filled in on it, so they must be its fields. */
	private void particularsOnTheForm(GuideContent c) {
		if (c.form() == null || c.form().isEmpty() || c.licence() == null) {
			return;
		}
		Set<String> names = new HashSet<>();
		c.form().stream().filter(java.util.Objects::nonNull).forEach(f -> names.add(f.name()));
		List<GuideContent.Particular> all = c.licence().particularsOrNone();
		for (int i = 0; i < all.size(); i++) {
			GuideContent.Particular p = all.get(i);
			if (p != null && p.field() != null && !names.contains(p.field())) {
				error("licence.particulars[" + i + "].field", "证照记载事项“" + p.label() + "”须是申请表的字段（申请表中没有“"
						+ p.field() + "”）。");
			}
		}
	}

	private void required(String field, String value, String message) {
		if (blank(value)) {
			error(field, message);
		}
	}

	private void error(String field, String message) {
		errors.add(new FieldMessage(field, message));
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
