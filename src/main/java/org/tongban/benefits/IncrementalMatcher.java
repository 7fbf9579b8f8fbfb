package org.tongban.benefits;

import java.util.List;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Matches again only the person a register change concerns, after the change commits; the event publication
 * registry keeps the event until this has run, so a crash in between loses nothing.
 */
@Component
class IncrementalMatcher {

	private final Matcher matcher;

	IncrementalMatcher(Matcher matcher) {
		this.matcher = matcher;
	}

	@ApplicationModuleListener
	void on(PersonChanged changed) {
		matcher.rematch(List.of(changed.idNumber()));
	}
}
