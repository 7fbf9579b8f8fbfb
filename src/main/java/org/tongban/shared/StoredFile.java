package org.tongban.shared;

/** A file in the {@link FileStore}: its SHA-256 as lower-case hex, and its size in bytes. */
public record StoredFile(String sha256, long size) {
}
