package org.tongban.supervision;

import java.util.List;
import java.util.Map;

/**
 * What a plan publishes for anyone to re-run its draw: the canonical inputs (inspectors by anonymous code only),
 * the public value, the plan hash and the seed. {@code scripts/verify-draw} reads exactly this object.
 */
public record PublishedInputs(String algorithm, String planId, String sector, String period,
		Map<String, Integer> ratios, String publicValue, String planHash, String seed,
		List<DrawAlgorithm.Entity> entities, List<String> inspectors, List<DrawAlgorithm.Conflict> conflicts) {

	DrawAlgorithm.Inputs inputs() {
		return new DrawAlgorithm.Inputs(planId, sector, period, ratios, entities, inspectors, conflicts);
	}
}
