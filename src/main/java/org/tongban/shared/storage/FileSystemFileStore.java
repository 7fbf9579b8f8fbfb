package org.tongban.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.shared.FileStore;
import org.tongban.shared.Problem;
import org.tongban.shared.StoredFile;

/**
 * Keeps files under {@code ${tongban.data-dir}/files/<first two hex digits>/<sha256>}. A file is written
 * to a temporary name first and moved into place, so a reader never sees half a file and two
 * instances storing the same content at once both end up with the same, complete file.
 */
@Component
class FileSystemFileStore implements FileStore {

	private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

	private final Path root;

	FileSystemFileStore(@Value("${tongban.data-dir:./data}") String dataDir) {
		this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("files");
	}

	@Override
	public StoredFile put(InputStream content) {
		try {
			Files.createDirectories(root);
			Path temp = Files.createTempFile(root, "upload-", ".part");
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				long size;
				try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
					size = content.transferTo(out);
				}
				String sha256 = HexFormat.of().formatHex(digest.digest());
				Path target = pathOf(sha256);
				Files.createDirectories(target.getParent());
				if (!Files.exists(target)) {
					move(temp, target);
				}
				return new StoredFile(sha256, size);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("文件保存失败", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public InputStream open(String sha256) {
		if (!exists(sha256)) {
			throw Problem.notFound("文件不存在。");
		}
		try {
			return Files.newInputStream(pathOf(sha256));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public boolean exists(String sha256) {
		return sha256 != null && SHA256.matcher(sha256).matches() && Files.isRegularFile(pathOf(sha256));
	}

	private Path pathOf(String sha256) {
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			// another request stored the same bytes first: same name, same content
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
