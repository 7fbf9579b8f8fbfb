package org.tongban.shared;

import java.io.InputStream;

/**
 * Content-addressed storage for uploaded files: a file is named by the SHA-256 of its bytes, so the
 * same document uploaded twice is stored once and a stored file can be checked against its name.
 */
public interface FileStore {

	/** Stores the stream's bytes and returns their hash and size; storing known content again is a no-op. */
	StoredFile put(InputStream content);

	/** Opens a stored file; fails with a not-found problem when no file has that hash. */
	InputStream open(String sha256);

	/** Whether a file with that hash is stored. */
	boolean exists(String sha256);
}
