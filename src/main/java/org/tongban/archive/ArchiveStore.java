package org.tongban.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.tongban.cases.CaseId;

/** Where archival packages are kept, one per case, named by the case id. */
public interface ArchiveStore {

	/** Stores (or replaces with identical bytes) the package of a case; the write is atomic. */
	void put(CaseId caseId, byte[] zip) throws IOException;

	/** Opens the stored package, or empty when there is none. */
	Optional<InputStream> open(CaseId caseId) throws IOException;

	/** Deletes the package; true if there was one. */
	boolean delete(CaseId caseId) throws IOException;
}
