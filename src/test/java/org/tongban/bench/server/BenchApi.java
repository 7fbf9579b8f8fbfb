package org.tongban.bench.server;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseApplications;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseReceipt;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.NewCase;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

import tools.jackson.databind.json.JsonMapper;

/**
 * Baselines for bench/submissions.sh. It lives in the test sources, so the production jar has no bench code:
 * bench/lib.sh starts the packaged jar with this package and its table's migration ({@code db/bench}) added to
 * the class path, and {@code tongban.bench.enabled=true} (the test suite scans this package but leaves the switch
 * off). Both sit behind the same session sign-in, CSRF check and JSON parsing as
 * {@code POST /api/cases}, so the comparison measures what submitting adds:
 * <ul>
 * <li>{@code POST /api/bench/insert}: one INSERT of the request in its own transaction, nothing else;</li>
 * <li>{@code POST /api/bench/cases-sync}: a real submission whose process is started in the request's
 * transaction, so the 201 waits for Flowable (the alternative to starting it at the first action on the case).</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/bench")
@ConditionalOnProperty(name = "tongban.bench.enabled", havingValue = "true")
class BenchApi {

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final Clock clock;
	private final CaseApplications cases;
	private final CaseHandling work;

	BenchApi(JdbcClient jdbc, JsonMapper json, Clock clock, CaseApplications cases, CaseHandling work) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.cases = cases;
		this.work = work;
	}

	/** One INSERT into {@code bench_insert}, created by {@code db/bench/R__bench_insert.sql}. */
	@PostMapping(path = "/insert", consumes = MediaType.APPLICATION_JSON_VALUE)
	@PreAuthorize("hasAnyRole('CITIZEN', 'ENTERPRISE')")
	ResponseEntity<Map<String, Object>> insert(@AuthenticationPrincipal SignedInUser me,
			@RequestBody NewCase request) {
		if (request == null || request.itemCode() == null) {
			throw Problem.invalid("itemCode", "请填写事项编码。");
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO bench_insert (id, owner, item_code, body, created_at) VALUES (?, ?, ?, ?::jsonb, ?)")
				.params(id, me.username(), request.itemCode(), json.writeValueAsString(request),
						Timestamp.from(clock.instant()))
				.update();
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
	}

	/**
	 * Submits and starts the case's process in one transaction, as if the process started at submission rather
	 * than at the first action on the case: what that design would cost per application.
	 */
	@PostMapping(path = "/cases-sync", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Transactional
	ResponseEntity<CaseReceipt> submitSynchronously(@AuthenticationPrincipal SignedInUser me,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, @RequestBody NewCase request) {
		CaseApplications.Submission s = cases.apply(me, key, request);
		if (!s.created()) {
			return ResponseEntity.ok(s.receipt());
		}
		work.startProcess(new CaseId(s.receipt().id()));
		return ResponseEntity.status(HttpStatus.CREATED).body(s.receipt());
	}
}
