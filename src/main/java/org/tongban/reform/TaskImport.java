package org.tongban.reform;

import java.util.List;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.FileStore;
import org.tongban.shared.Problem;

/**
 * Imports the task-division table from an .xlsx: preview (parse and check, nothing stored) and commit
 * (all rows or none). Tasks are matched by number; a re-import replaces their definitions and keeps
 * their progress and history. Tasks missing from the file are kept: dropping one would lose its reports.
 */
@Service
public class TaskImport {

	private final TaskCatalogue catalogue;
	private final ReformSettings settings;
	private final FileStore files;
	private final ImportLimits limits;

	TaskImport(TaskCatalogue catalogue, ReformSettings settings, FileStore files, ImportLimits limits) {
		this.catalogue = catalogue;
		this.settings = settings;
		this.files = files;
		this.limits = limits;
	}

	/**
	 * What the file holds and every problem with it; nothing is stored. A file past one of the
	 * {@link ImportLimits} is refused with a problem (413) naming the limit.
	 */
	public ImportResult preview(InputStreamSource file, long size) {
		if (size == 0) {
			return new ImportResult(List.of(), List.of(new FieldMessage("file", "上传的文件是空的，请重新选择。")), 0, 0);
		}
		limits.checkSize(size);
		return parse(file);
	}

	/** Imports every row, or refuses the whole file with every problem listed (422). */
	@Transactional
	public ImportResult commit(InputStreamSource file, long size, String actor) {
		return commit(preview(file, size), actor);
	}

	/** Commits a file kept by {@link #keep} after its preview. */
	@Transactional
	public ImportResult commitKept(String key, String actor) {
		return commit(parse(kept(key)), actor);
	}

	/** The preview of a file kept by {@link #keep}. */
	public ImportResult previewKept(String key) {
		return parse(kept(key));
	}

	private ImportResult commit(ImportResult preview, String actor) {
		if (!preview.valid()) {
			throw Problem.unprocessable("reform-import-invalid", "导入文件有误",
					"文件中共有 " + preview.errors().size() + " 处问题，未导入任何任务。请逐项修改后重新上传。",
					preview.errors());
		}
		TaskCatalogue.Applied applied = catalogue.apply(preview.rows(), actor, "reform.task.imported");
		return new ImportResult(preview.rows(), List.of(), applied.created(), applied.updated());
	}

	/** Keeps an uploaded file between preview and confirmation; returns the key to confirm with. */
	public String keep(InputStreamSource file) {
		try (var in = file.getInputStream()) {
			return files.put(in).sha256();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private ImportResult parse(InputStreamSource file) {
		TaskSheet.Parsed parsed = new TaskSheet(catalogue::resolve, settings.planYear(), limits).read(file);
		return new ImportResult(parsed.rows(), parsed.errors(), 0, 0);
	}

	private InputStreamSource kept(String key) {
		if (!files.exists(key)) {
			throw Problem.notFound("待导入的文件已失效，请重新上传。");
		}
		return () -> files.open(key);
	}
}
