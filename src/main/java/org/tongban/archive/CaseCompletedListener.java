package org.tongban.archive;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseCompleted;

/** A completed case is due for archiving; the package is built later by {@link ArchiveSchedule}. */
@Component
class CaseCompletedListener {

	private final Archiving archiving;

	CaseCompletedListener(Archiving archiving) {
		this.archiving = archiving;
	}

	@ApplicationModuleListener
	void on(CaseCompleted event) {
		archiving.due(event);
	}
}
