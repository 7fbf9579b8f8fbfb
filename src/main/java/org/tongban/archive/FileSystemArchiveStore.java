package org.tongban.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseId;

/**
 * Keeps packages as {@code <dir>/<first two hex digits of the case id>/<case id>.zip}, by default under
 * {@code ${tongban.data-dir}/archive} ({@code tongban.archive.dir} moves it). Writes go to a temporary file
 * that is moved into place, so a package is either complete or absent.
 */
@Component
class FileSystemArchiveStore implements ArchiveStore {

	private final Path root;

	FileSystemArchiveStore(@Value("${tongban.archive.dir:${tongban.data-dir:./data}/archive}") String dir) {
		this.root = Path.of(dir).toAbsolutePath().normalize();
	}

	Path pathOf(CaseId caseId) {
		String id = caseId.value().toString();
		return root.resolve(id.substring(0, 2)).resolve(id + ".zip");
	}

	@Override
	public void put(CaseId caseId, byte[] zip) throws IOException {
		Path target = pathOf(caseId);
		Files.createDirectories(target.getParent());
		Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
		Files.write(tmp, zip);
		Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	@Override
	public Optional<InputStream> open(CaseId caseId) throws IOException {
		try {
			return Optional.of(Files.newInputStream(pathOf(caseId)));
		}
		catch (NoSuchFileException e) {
			return Optional.empty();
		}
	}

	@Override
	public boolean delete(CaseId caseId) throws IOException {
		return Files.deleteIfExists(pathOf(caseId));
	}
}
