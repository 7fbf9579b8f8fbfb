package org.tongban.cases;

import java.time.Instant;
import java.util.UUID;

/** An uploaded material: the material's name from the situation's list, and the stored file. */
@org.springframework.modulith.NamedInterface("api")
public record CaseMaterial(UUID id, String material, String filename, String mediaType, String sha256, long size,
		Instant uploadedAt) {
}
