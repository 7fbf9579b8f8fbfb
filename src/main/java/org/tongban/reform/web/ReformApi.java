package org.tongban.reform.web;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.identity.SignedInUser;
import org.tongban.reform.Dashboard;
import org.tongban.reform.HistoryEntry;
import org.tongban.reform.ImportResult;
import org.tongban.reform.NewAttachment;
import org.tongban.reform.NewReport;
import org.tongban.reform.ReformAccess;
import org.tongban.reform.ReformCockpit;
import org.tongban.reform.TaskDetail;
import org.tongban.reform.TaskExport;
import org.tongban.reform.TaskImport;
import org.tongban.reform.TaskFilter;
import org.tongban.reform.TaskSummary;

/** The cockpit's JSON API, for the dashboard's charts and for scripts (HTTP Basic). */
@RestController
@RequestMapping("/api/reform")
@PreAuthorize(ReformAccess.READ)
class ReformApi {

	static final MediaType XLSX = MediaType
			.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final ReformCockpit cockpit;
	private final TaskExport export;
	private final TaskImport imports;

	ReformApi(ReformCockpit cockpit, TaskExport export, TaskImport imports) {
		this.cockpit = cockpit;
		this.export = export;
		this.imports = imports;
	}

	@GetMapping("/tasks")
	List<TaskSummary> tasks(@RequestParam(required = false) String division,
			@RequestParam(required = false) Integer group, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue) {
		return cockpit.tasks(Filters.of(cockpit, division, group, status, overdue));
	}

	@GetMapping("/tasks/{no}")
	TaskDetail task(@PathVariable int no) {
		return cockpit.task(no);
	}

	@GetMapping("/dashboard")
	Dashboard dashboard() {
		return cockpit.dashboard();
	}

	@GetMapping("/tasks.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) String division,
			@RequestParam(required = false) Integer group, @RequestParam(required = false) String status,
			@RequestParam(required = false) Boolean overdue) {
		TaskFilter filter = Filters.of(cockpit, division, group, status, overdue);
		return ResponseEntity.ok().contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"reform-tasks.xlsx\"; "
						+ "filename*=UTF-8''%E6%94%B9%E9%9D%A9%E4%BB%BB%E5%8A%A1%E5%88%86%E5%B7%A5%E8%A1%A8.xlsx")
				.body(bytes(filter));
	}

	@PostMapping(path = "/tasks/{no}/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize(ReformAccess.REPORT)
	ResponseEntity<HistoryEntry> report(@AuthenticationPrincipal SignedInUser me, @PathVariable int no,
			@RequestBody NewReport report) {
		return created(cockpit.report(me, no, report, List.of()));
	}

	@PostMapping(path = "/tasks/{no}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ReformAccess.REPORT)
	ResponseEntity<HistoryEntry> reportWithFiles(@AuthenticationPrincipal SignedInUser me, @PathVariable int no,
			@RequestParam(required = false) String text, @RequestParam(required = false) Integer progress,
			@RequestParam(required = false) String status, @RequestParam(required = false) String reason,
			@RequestParam(name = "files", required = false) List<MultipartFile> files) {
		NewReport report = new NewReport(text, progress, Filters.status(status), reason);
		return created(cockpit.report(me, no, report, attachments(files)));
	}

	@PostMapping(path = "/tasks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize(ReformAccess.IMPORT)
	ImportResult importTasks(@AuthenticationPrincipal SignedInUser me, @RequestParam("file") MultipartFile file,
			@RequestParam(defaultValue = "false") boolean preview) {
		return preview ? imports.preview(file, file.getSize()) : imports.commit(file, file.getSize(), me.username());
	}

	@GetMapping("/attachments/{id}")
	ResponseEntity<InputStreamResource> attachment(@AuthenticationPrincipal SignedInUser me, @PathVariable UUID id) {
		return Downloads.attachment(cockpit.attachment(me, id));
	}

	/** A plan's table is small (tens of kilobytes): built in memory, sent with its length. */
	private byte[] bytes(TaskFilter filter) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		export.write(filter, out);
		return out.toByteArray();
	}

	static List<NewAttachment> attachments(List<MultipartFile> files) {
		return files == null ? List.of() : files.stream()
				// a form's empty file input still sends a part: no name, no bytes
				.filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()))
				.map(f -> new NewAttachment(f.getOriginalFilename(), f.getSize(), f)).toList();
	}

	private static ResponseEntity<HistoryEntry> created(HistoryEntry entry) {
		return ResponseEntity.created(URI.create("/api/reform/tasks/" + entry.taskNo())).body(entry);
	}
}
