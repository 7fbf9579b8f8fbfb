package org.tongban.supervision.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.shared.Problem;
import org.tongban.supervision.DrawAlgorithm;
import org.tongban.supervision.Draws;
import org.tongban.supervision.Inspections;
import org.tongban.supervision.Overrides;
import org.tongban.supervision.Plan;
import org.tongban.supervision.PublishedInputs;

/**
 * 一公开: every plan with its seed commitment, and every draw with its published inputs, seed, algorithm, result,
 * overrides and each entity's outcome — inspectors only by anonymous code, no names, no accounts, no approver.
 */
@RestController
class PublicDrawsApi {

	record PublicDraw(UUID id, UUID planId, String sector, String sectorLabel, String period, Map<String, Integer> ratios,
			String publicValue, String planHash, String seed, String algorithm, String algorithmDescription,
			Instant planCreatedAt, Instant drawnAt, PublishedInputs inputs, List<PublicPick> result,
			List<PublicPick> assignments, List<PublicOverride> overrides, List<PublicOutcome> outcomes, String verify) {
	}

	/** Where each drawn entity's inspection stands: 未检查, 合格, 责令改正 or 已整改 (no findings, no people). */
	record PublicOutcome(int seq, String uscc, String outcome, String outcomeLabel) {
	}

	record PublicPick(int seq, String uscc, String name, String combinedClass, List<String> inspectors) {
	}

	record PublicOverride(String uscc, String replaced, String replacement, String reason, String approvedBy, Instant at) {
	}

	private final Draws draws;
	private final Overrides overrides;
	private final Inspections inspections;

	PublicDrawsApi(Draws draws, Overrides overrides, Inspections inspections) {
		this.draws = draws;
		this.overrides = overrides;
		this.inspections = inspections;
	}

	@GetMapping("/api/public/draws")
	List<Plan> plans() {
		return draws.plans();
	}

	@GetMapping("/api/public/draws/{id}")
	PublicDraw draw(@PathVariable UUID id) {
		return view(draws, overrides, inspections, id);
	}

	static PublicDraw view(Draws draws, Overrides overrides, Inspections inspections, UUID id) {
		Draws.Draw d = draws.find(id, true).orElseThrow(() -> Problem.notFound("未找到该抽取结果。"));
		Plan p = d.plan();
		Map<String, Inspections.Outcome> outcomes = inspections.outcomes(d.id());
		return new PublicDraw(d.id(), p.id(), p.sector(), p.sectorLabel(), p.period(), p.ratios(), p.publicValue(),
				p.planHash(), d.seed(), d.algorithm(), DrawAlgorithm.DESCRIPTION, p.createdAt(), d.drawnAt(),
				draws.inputs(p.id()).orElseThrow(),
				d.inspections().stream().map(i -> new PublicPick(i.seq(), i.uscc(), i.name(), i.grade(), i.drawn())).toList(),
				d.inspections().stream().map(i -> new PublicPick(i.seq(), i.uscc(), i.name(), i.grade(), i.current())).toList(),
				overrides.of(d.id()).stream().map(o -> new PublicOverride(o.uscc(), o.replaced(), o.replacement(),
						o.reason(), "监督计划人员（本人以外）", o.at())).toList(),
				d.inspections().stream().map(i -> {
					Inspections.Outcome o = outcomes.getOrDefault(i.uscc(), Inspections.Outcome.NOT_INSPECTED);
					return new PublicOutcome(i.seq(), i.uscc(), o.name(), o.label());
				}).toList(),
				"scripts/verify-draw <本地址>：用公开的输入重新抽取，结果应与 result 一致");
	}
}
