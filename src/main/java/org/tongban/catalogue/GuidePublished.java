package org.tongban.catalogue;

/** A guide version went live (also at the first import), so that search indexes and caches can follow. */
public record GuidePublished(String code, int version) {
}
