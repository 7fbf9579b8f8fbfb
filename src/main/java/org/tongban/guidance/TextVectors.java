package org.tongban.guidance;

import org.springframework.stereotype.Component;

/**
 * The search model's sentence vectors for other modules that compare texts with each other (similar complaints, say):
 * bge-small-zh without the query instruction, normalised to unit length so that a dot product is the cosine.
 */
@Component
public class TextVectors {

	private final Embedder embedder;

	TextVectors(Embedder embedder) {
		this.embedder = embedder;
	}

	/** The text's unit vector, or null when the model cannot be loaded here (the first call may wait about a second). */
	public float[] embed(String text) {
		if (text == null || text.isBlank() || !embedder.load()) {
			return null;
		}
		return embedder.probe(text.strip());
	}
}
