package org.tongban.catalogue;

import java.time.Instant;

/** A file a guide version offers for a material: its blank form or its sample, stored by SHA-256. */
public record GuideFile(String material, GuideFileKind kind, String kindLabel, String filename, String mediaType,
		long size, String sha256, String uploadedBy, Instant uploadedAt) {
}
