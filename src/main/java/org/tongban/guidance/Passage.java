package org.tongban.guidance;

/** A stored search document with its row id and its vector (null until it has been embedded). */
record Passage(long id, SearchDocument doc, float[] vector) {
}
