package org.tongban.cases;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts handling from the committed submission. The applicant's 201 does not wait for the process
 * engine; the event publication registry keeps the submission until the process has started, and
 * republishes it after a crash, so no submitted case is left without its process.
 */
@Component
class HandlingStarter {

	private final CaseWork work;

	HandlingStarter(CaseWork work) {
		this.work = work;
	}

	@ApplicationModuleListener
	void on(CaseSubmitted submitted) {
		work.startHandling(submitted.caseId());
	}
}
