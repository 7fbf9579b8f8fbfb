package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.ResidentIdNumber;

/** Rules are CEL over the facts: checked when saved, refused with their position, translated into SQL. */
class WritingRulesTests {

	private static Rule rule(String... expressions) {
		List<Rule.Clause> clauses = new java.util.ArrayList<>();
		for (int i = 0; i < expressions.length; i++) {
			clauses.add(new Rule.Clause("c" + i, "条款" + i, expressions[i], "测试依据"));
		}
		return new Rule("ELDERLY_HEALTH_CHECK", 0, LocalDate.of(2026, 1, 1), clauses);
	}

	private static List<FieldMessage> refusal(Rule rule) {
		try {
			RuleLanguage.compile(rule);
		}
		catch (Problem p) {
			assertThat(p.status().value()).isEqualTo(400);
			return p.errors();
		}
		throw new AssertionError("the rule was accepted");
	}

	/**
	 * The bulk matcher stops at a person's first false clause, so the SQL asks the population register before it
	 * probes the other registers, the large contract register last, whatever order the rule is written in.
	 */
	@Test
	void theSqlAsksTheCheapClausesFirst() {
		String sql = RuleLanguage.sql(RuleLanguage.compile(rule("!has_family_doctor", "age >= 65 || hardship",
				"street != \"\"")), "c", new HashMap<>());
		assertThat(sql.indexOf("f.street")).isLessThan(sql.indexOf("f.hardship"));
		assertThat(sql.indexOf("f.hardship")).isLessThan(sql.indexOf("f.has_family_doctor"));
		String written = RuleLanguage.sql(RuleLanguage.compile(rule("sex == \"F\"", "age >= 35")), "c", new HashMap<>());
		assertThat(written).as("equal costs keep the rule's order").startsWith("((f.sex");
	}

	@Test
	void aRuleThatDoesNotParseIsRefusedWithItsPosition() {
		List<FieldMessage> errors = refusal(rule("age >= 65", "age >= && street != \"\""));
		assertThat(errors).hasSize(1);
		assertThat(errors.get(0).field()).isEqualTo("clauses[1].expression");
		assertThat(errors.get(0).message()).contains("条款 c1 第 1 行第 8 列").contains("语法错误");
	}

	@Test
	void aRuleNamingAnUnknownFieldIsRefusedWithItsPosition() {
		List<FieldMessage> errors = refusal(rule("age >= 65 &&\n  income < 3000"));
		assertThat(errors.get(0).message()).contains("第 2 行第 3 列").contains("未知的字段 'income'");
	}

	@Test
	void aClauseMustBeTrueOrFalse() {
		assertThat(refusal(rule("age + 1")).get(0).message()).contains("c0");
	}

	@Test
	void whatCannotBeTranslatedIntoSqlIsRefusedAtSave() {
		assertThat(refusal(rule("street.startsWith(\"张江\")")).get(0).message()).contains("第 1 行").contains("SQL");
		assertThat(refusal(rule("street > \"A\"")).get(0).message()).contains("整数");
	}

	/** A number or an expression so large that the full run's SQL would overflow is refused at save, not at the run. */
	@Test
	void numbersAndExpressionsThatCouldOverflowAreRefusedAtSave() {
		assertThat(refusal(rule("age + 9223372036854775807 > 0")).get(0).message()).contains("第 1 行第 7 列")
			.contains("9223372036854775807").contains("超出允许范围");
		assertThat(refusal(rule("days_since_two_cancer_screening > -1000001")).get(0).message()).contains("超出允许范围");
		RuleLanguage.compile(rule("days_since_two_cancer_screening >= 1000000 || age <= -1000000"));
		String sum = "age" + " + 1000000".repeat(250) + " > 0";
		assertThat(refusal(rule(sum)).get(0)).satisfies(m -> {
			assertThat(m.field()).isEqualTo("clauses[0].expression");
			assertThat(m.message()).contains("超过 2000 个字符");
		});
	}

	@Test
	void everyClauseNeedsItsBasis() {
		Rule r = new Rule("X", 0, LocalDate.of(2026, 1, 1), List.of(new Rule.Clause("a", "年龄", "age >= 65", " ")));
		assertThat(refusal(r).get(0).message()).contains("依据");
	}

	@Test
	void theProgrammesShippedCompileAndTranslate() {
		Map<String, Object> params = new HashMap<>();
		String sql = RuleLanguage.sql(RuleLanguage.compile(rule("age >= 65", "street in [\"陆家嘴街道\", \"花木街道\"]",
				"!has_family_doctor || (hardship ? age > 60 : false)")), "c", params);
		assertThat(sql).isEqualTo("((f.age >= 65)) AND ((f.street IN (:c0, :c1))) AND "
				+ "(((NOT f.has_family_doctor) OR (CASE WHEN f.hardship THEN (f.age > 60) ELSE FALSE END)))");
		assertThat(params).containsEntry("c0", "陆家嘴街道").containsEntry("c1", "花木街道");
	}

	@Test
	void theDemoPartnerHasAValidIdNumber() {
		assertThat(ResidentIdNumber.problemWith("310115198707201228")).isEmpty();
		assertThat(SyntheticPudong.withCheckDigit("31011519870720122")).isEqualTo("310115198707201228");
	}
}
