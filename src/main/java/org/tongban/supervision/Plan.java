package org.tongban.supervision;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An inspection plan as published from the moment it is made: its inputs are fixed by {@code planHash} and its
 * seed ({@code seedCommitment}) is known before the draw, so that nobody can choose the outcome afterwards.
 */
public record Plan(UUID id, String sector, String sectorLabel, String period, Map<String, Integer> ratios,
		String publicValue, String planHash, String seedCommitment, int entities, int inspectors, Instant createdAt,
		UUID drawId, Instant drawnAt) {
}
