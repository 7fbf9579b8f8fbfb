package org.tongban.benefits;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

/**
 * The rules' language: CEL over {@link Facts}, checked against the facts' types when a rule is saved, evaluated by
 * the CEL runtime for one person, and translated into SQL for everyone by walking the checked syntax tree. Only
 * the part of CEL that has one meaning in both is accepted (logic, comparison, integer + and -, {@code in} a
 * literal list, {@code ?:}); anything else is refused at save with its position, so that the two evaluators
 * cannot drift apart.
 */
final class RuleLanguage {

	/**
	 * Bounds on what a clause may say: with numbers no larger than this and expressions no longer, no sum of facts
	 * and numbers a clause can write overflows PostgreSQL's 32-bit integers, so a saved rule cannot fail a full run.
	 */
	static final long LARGEST_NUMBER = 1_000_000;
	static final int LONGEST_EXPRESSION = 2_000;
	private static final CelCompiler COMPILER;
	private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

	static {
		CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
		for (Fact fact : Facts.ALL) {
			builder.addVar(fact.name(), switch (fact.type()) {
				case INT -> SimpleType.INT;
				case STRING -> SimpleType.STRING;
				case BOOL -> SimpleType.BOOL;
			});
		}
		COMPILER = builder.build();
	}

	private RuleLanguage() {
	}

	/** A clause compiled: its checked tree and the facts it names. */
	record Compiled(Rule.Clause clause, CelAbstractSyntaxTree ast, Set<String> facts) {
	}

	/**
	 * Rules compiled before, by their clauses: a change event matches every programme for one person, and compiling
	 * four rules each time would cost more than the match. Drafts tried out also land here, so it is bounded.
	 */
	private static final Map<List<Rule.Clause>, List<Compiled>> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

	/** Compiles every clause, or refuses the rule with each problem's clause and position. */
	static List<Compiled> compile(Rule rule) {
		List<Compiled> known = rule.clauses() == null ? null : COMPILED.get(rule.clauses());
		if (known != null) {
			return known;
		}
		List<Compiled> compiled = compileAfresh(rule);
		if (COMPILED.size() > 200) {
			COMPILED.clear();
		}
		COMPILED.put(List.copyOf(rule.clauses()), compiled);
		return compiled;
	}

	private static List<Compiled> compileAfresh(Rule rule) {
		List<FieldMessage> problems = new ArrayList<>();
		List<Compiled> compiled = new ArrayList<>();
		if (rule.clauses() == null || rule.clauses().isEmpty()) {
			throw Problem.invalid("clauses", "规则至少要有一个条款");
		}
		Set<String> ids = new LinkedHashSet<>();
		for (int i = 0; i < rule.clauses().size(); i++) {
			Rule.Clause clause = rule.clauses().get(i);
			String field = "clauses[" + i + "]";
			if (clause == null || blank(clause.id()) || blank(clause.label()) || blank(clause.basis())
					|| blank(clause.expression())) {
				problems.add(new FieldMessage(field, "第 " + (i + 1) + " 个条款须写明编号（id）、说明（label）、表达式（expression）和依据（basis）"));
				continue;
			}
			if (!ids.add(clause.id())) {
				problems.add(new FieldMessage(field + ".id", "条款编号 " + clause.id() + " 重复"));
			}
			if (clause.expression().length() > LONGEST_EXPRESSION) {
				problems.add(new FieldMessage(field + ".expression", "条款 " + clause.id() + " 的表达式超过 "
						+ LONGEST_EXPRESSION + " 个字符，请拆成几个条款"));
				continue;
			}
			CelValidationResult result = COMPILER.compile(clause.expression());
			if (result.hasError()) {
				for (CelIssue issue : result.getErrors()) {
					problems.add(new FieldMessage(field + ".expression", "条款 " + clause.id() + " 第 "
							+ issue.getSourceLocation().getLine() + " 行第 " + (issue.getSourceLocation().getColumn() + 1)
							+ " 列：" + translate(issue.getMessage())));
				}
				continue;
			}
			try {
				CelAbstractSyntaxTree ast = result.getAst();
				Set<String> names = new LinkedHashSet<>();
				new Sql(ast, new ArrayList<>(), names).of(ast.getExpr());
				compiled.add(new Compiled(clause, ast, names));
			}
			catch (Unsupported ex) {
				problems.add(new FieldMessage(field + ".expression", "条款 " + clause.id() + " " + ex.getMessage()));
			}
			catch (CelValidationException ex) {
				problems.add(new FieldMessage(field + ".expression", "条款 " + clause.id() + "：" + ex.getMessage()));
			}
		}
		if (!problems.isEmpty()) {
			throw Problem.invalid(problems);
		}
		return List.copyOf(compiled);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	/** CEL's own messages, with the commonest ones said in Chinese first. */
	private static String translate(String message) {
		if (message.startsWith("undeclared reference to")) {
			return "未知的字段 " + message.substring(message.indexOf('\'')).replaceAll("\\s*\\(in container.*\\)", "")
					+ "（可用字段：" + String.join("、", Facts.ALL.stream().map(Fact::name).toList()) + "）";
		}
		if (message.startsWith("Syntax error") || message.contains("mismatched input") || message.contains("extraneous input")) {
			return "语法错误（" + message + "）";
		}
		if (message.startsWith("found no matching overload")) {
			return "类型不符（" + message + "）";
		}
		if (message.contains("expected type")) {
			return "条款的结果须为真或假（" + message + "）";
		}
		return message;
	}

	/** Whether the clause holds for these facts, by the CEL runtime. */
	static boolean holds(Compiled compiled, Map<String, Object> facts) {
		try {
			return Boolean.TRUE.equals(RUNTIME.createProgram(compiled.ast()).eval(facts));
		}
		catch (CelEvaluationException ex) {
			throw new IllegalStateException("条款 " + compiled.clause().id() + " 无法求值：" + ex.getMessage(), ex);
		}
	}

	/**
	 * The clauses as one SQL condition over the facts relation aliased {@code f}; string constants become named
	 * parameters {@code :<prefix><n>} added to {@code params}. The clauses are joined cheapest first (by the
	 * {@link Fact#cost} of the facts each names; equal costs keep the rule's order): SQL stops at the first false
	 * one, so a clause that probes a register of millions is reached only by those the cheap clauses let through.
	 * Every fact has a value for everyone (no NULL), so the order cannot change the result.
	 */
	static String sql(List<Compiled> clauses, String prefix, Map<String, Object> params) {
		List<Object> values = new ArrayList<>();
		List<String> parts = new ArrayList<>();
		List<Compiled> cheapestFirst = new ArrayList<>(clauses);
		cheapestFirst.sort(java.util.Comparator.comparingInt(RuleLanguage::cost));
		for (Compiled c : cheapestFirst) {
			parts.add("(" + new Sql(c.ast(), values, new LinkedHashSet<>()).of(c.ast().getExpr()) + ")");
		}
		String condition = String.join(" AND ", parts);
		// the walk names its parameters ?n; give them this caller's prefix so that two rules can share a query
		for (int i = values.size() - 1; i >= 0; i--) {
			params.put(prefix + i, values.get(i));
			condition = condition.replace("?" + i + "?", ":" + prefix + i);
		}
		return condition;
	}

	/** What evaluating the rule costs the bulk matcher per person, roughly: the cost of every fact it names. */
	static int cost(Rule rule) {
		return compile(rule).stream().flatMap(c -> c.facts().stream()).distinct().mapToInt(RuleLanguage::cost).sum();
	}

	private static int cost(Compiled c) {
		return c.facts().stream().mapToInt(RuleLanguage::cost).sum();
	}

	private static int cost(String fact) {
		return Facts.named(fact).map(Fact::cost).orElse(0);
	}

	static final class Unsupported extends RuntimeException {
		Unsupported(String message) {
			super(message);
		}
	}

	/** One walk of a checked tree into SQL. */
	private static final class Sql {

		private final CelAbstractSyntaxTree ast;
		private final List<Object> values;
		private final Set<String> names;

		Sql(CelAbstractSyntaxTree ast, List<Object> values, Set<String> names) {
			this.ast = ast;
			this.values = values;
			this.names = names;
		}

		String of(CelExpr e) {
			return switch (e.getKind()) {
				case CONSTANT -> constant(e, e.constant());
				case IDENT -> ident(e);
				case CALL -> call(e);
				default -> throw unsupported(e, "不支持此写法（" + e.getKind() + "）");
			};
		}

		private String ident(CelExpr e) {
			String name = e.ident().name();
			if (Facts.named(name).isEmpty()) {
				throw unsupported(e, "未知的字段 " + name);
			}
			names.add(name);
			return "f." + name;
		}

		private String constant(CelExpr e, CelConstant c) {
			return switch (c.getKind()) {
				case BOOLEAN_VALUE -> c.booleanValue() ? "TRUE" : "FALSE";
				case INT64_VALUE -> {
					// ages and day counts are far smaller; a larger number could overflow in a full run and fail it
					if (c.int64Value() > LARGEST_NUMBER || c.int64Value() < -LARGEST_NUMBER) {
						throw unsupported(e, "整数 " + c.int64Value() + " 超出允许范围（绝对值不超过 " + LARGEST_NUMBER + "）");
					}
					yield Long.toString(c.int64Value());
				}
				case STRING_VALUE -> {
					values.add(c.stringValue());
					yield "?" + (values.size() - 1) + "?";
				}
				default -> throw unsupported(e, "不支持此类常量（" + c.getKind() + "）");
			};
		}

		private String call(CelExpr e) {
			CelExpr.CelCall call = e.call();
			List<CelExpr> args = call.args();
			if (call.target().isPresent()) {
				throw unsupported(e, "不支持方法调用 ." + call.function() + "()");
			}
			return switch (call.function()) {
				case "_&&_" -> "(" + of(args.get(0)) + " AND " + of(args.get(1)) + ")";
				case "_||_" -> "(" + of(args.get(0)) + " OR " + of(args.get(1)) + ")";
				case "!_" -> "(NOT " + of(args.get(0)) + ")";
				case "_==_" -> binary(args, "=");
				case "_!=_" -> binary(args, "<>");
				case "_<_", "_<=_", "_>_", "_>=_" -> {
					if (!isInt(args.get(0)) || !isInt(args.get(1))) {
						throw unsupported(e, "大小比较只用于整数字段（如 age）");
					}
					yield binary(args, call.function().substring(1, call.function().length() - 1));
				}
				case "_+_", "_-_" -> {
					if (!isInt(args.get(0)) || !isInt(args.get(1))) {
						throw unsupported(e, "加减只用于整数");
					}
					yield binary(args, call.function().substring(1, 2));
				}
				case "-_" -> "(-" + of(args.get(0)) + ")";
				case "_?_:_" -> "(CASE WHEN " + of(args.get(0)) + " THEN " + of(args.get(1)) + " ELSE " + of(args.get(2)) + " END)";
				case "@in" -> {
					CelExpr list = args.get(1);
					if (list.getKind() != CelExpr.ExprKind.Kind.LIST || list.list().elements().isEmpty()) {
						throw unsupported(e, "in 的右边须是写出的非空列表，如 [\"陆家嘴街道\", \"花木街道\"]");
					}
					List<String> items = new ArrayList<>();
					for (CelExpr item : list.list().elements()) {
						items.add(of(item));
					}
					yield "(" + of(args.get(0)) + " IN (" + String.join(", ", items) + "))";
				}
				default -> throw unsupported(e, "不支持函数或运算 " + call.function().replace("_", ""));
			};
		}

		private String binary(List<CelExpr> args, String op) {
			return "(" + of(args.get(0)) + " " + op + " " + of(args.get(1)) + ")";
		}

		private boolean isInt(CelExpr e) {
			CelType type = ast.getType(e.id()).orElse(SimpleType.DYN);
			return type.equals(SimpleType.INT);
		}

		private Unsupported unsupported(CelExpr e, String message) {
			Integer offset = ast.getSource().getPositionsMap().get(e.id());
			String where = offset == null ? "" : ast.getSource().getOffsetLocation(offset)
				.map(l -> "第 " + l.getLine() + " 行第 " + (l.getColumn() + 1) + " 列：").orElse("");
			return new Unsupported(where + message + "（批量匹配须能把规则译成 SQL）");
		}
	}
}
