package org.tongban.guidance;

import org.tongban.guidance.Answer.Citation;

/**
 * One cited section of a published guide: the citation, the sentence the extractive answer says about it,
 * and the section's full text (the only context the model sees, and what the grounding check compares with).
 */
record Section(Citation citation, String statement, String text) {

	static Citation cite(String code, String name, int version, String section, String title, String anchor) {
		return new Citation(code, name, version, section, title,
				"/catalogue/items/" + code + "?version=" + version + "#" + anchor);
	}
}
