package org.tongban.cases;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to case files for other modules (licences, archive, reports) acting on an event. Not for web
 * endpoints: it does not check who is asking, so callers answer to their own authorisation.
 */
@Service
public class CaseRecords {

	private final Cases cases;

	CaseRecords(Cases cases) {
		this.cases = cases;
	}

	@Transactional(readOnly = true)
	public Optional<Case> find(CaseId id) {
		return cases.find(id);
	}
}
