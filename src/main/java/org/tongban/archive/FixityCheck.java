package org.tongban.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.Sm3;
import org.tongban.cases.CaseId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixity check: walks the hash chain (sequence gaps, previous-digest links, each entry's own digest, the head)
 * and re-hashes every stored package against the digest the chain holds for it. Disposed packages are
 * expected to be gone, with a disposal entry on the chain. Each run is kept in {@code archive_fixity_run}.
 */
@Service
public class FixityCheck {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final HashChain chain;
	private final ArchiveStore store;
	private final JsonMapper json;
	private final TransactionTemplate snapshot;

	FixityCheck(JdbcClient jdbc, Clock clock, HashChain chain, ArchiveStore store, JsonMapper json,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.chain = chain;
		this.store = store;
		this.json = json;
		this.snapshot = new TransactionTemplate(transactions);
		this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		this.snapshot.setReadOnly(true);
	}

	/** One finding, in Chinese, with the case it concerns (if known) and the chain entry (if any). */
	public record Problem(String kind, UUID caseId, Long seq, String message) {
	}

	public record Report(long id, Instant startedAt, Instant finishedAt, String actor, int checked,
			long chainLength, List<Problem> problems) {

		public boolean ok() {
			return problems.isEmpty();
		}
	}

	private record Row(UUID caseId, String status, String sm3) {
	}

	private record State(List<HashChain.Entry> entries, HashChain.Head head, List<Row> rows) {
	}

	public Report run(String actor) {
		Instant started = Instant.now(clock);
		State state = snapshot.execute(s -> new State(chain.entries(), chain.head(),
				jdbc.sql("SELECT case_id, status, sm3 FROM archive_package WHERE status <> 'PENDING' ORDER BY case_id")
					.query((rs, i) -> new Row(rs.getObject("case_id", UUID.class), rs.getString("status"),
							rs.getString("sm3")))
					.list()));
		List<Problem> problems = new ArrayList<>(walk(state.entries(), state.head()));

		Map<UUID, HashChain.Entry> registered = new HashMap<>();
		Map<UUID, HashChain.Entry> disposed = new HashMap<>();
		for (HashChain.Entry e : state.entries()) {
			(e.kind() == HashChain.Kind.PACKAGE ? registered : disposed).put(e.caseId(), e);
		}
		List<Problem> fileProblems = Collections.synchronizedList(new ArrayList<>());
		state.rows().parallelStream().forEach(row -> fileProblems.addAll(checkPackage(row, registered, disposed)));
		fileProblems.sort(java.util.Comparator.comparing((Problem p) -> p.caseId().toString()));
		problems.addAll(fileProblems);
		java.util.Set<UUID> known = new java.util.HashSet<>();
		state.rows().forEach(r -> known.add(r.caseId()));
		for (HashChain.Entry e : registered.values()) {
			if (!known.contains(e.caseId())) {
				problems.add(new Problem("MISSING_PACKAGE", e.caseId(), e.seq(),
						"哈希链第 " + e.seq() + " 条登记了办件 " + e.caseId() + " 的档案包，但档案库中没有该档案包的记录。"));
			}
		}
		Instant finished = Instant.now(clock);
		long id = jdbc.sql("""
				INSERT INTO archive_fixity_run (started_at, finished_at, actor, checked, chain_length, problems)
				VALUES (?, ?, ?, ?, ?, ?::jsonb) RETURNING id""")
			.params(Timestamp.from(started), Timestamp.from(finished), actor, state.rows().size(),
					state.entries().size(), json.writeValueAsString(problems))
			.query(Long.class)
			.single();
		return new Report(id, started, finished, actor, state.rows().size(), state.entries().size(), problems);
	}

	static List<Problem> walk(List<HashChain.Entry> entries, HashChain.Head head) {
		List<Problem> problems = new ArrayList<>();
		long expected = 1;
		String prev = HashChain.GENESIS;
		for (HashChain.Entry e : entries) {
			if (e.seq() != expected) {
				problems.add(new Problem("MISSING_ENTRY", null, expected, "哈希链第 " + range(expected, e.seq() - 1)
						+ " 条缺失（条目被删除），链条在第 " + e.seq() + " 条处中断。"));
			}
			if (!e.prevDigest().equals(prev)) {
				problems.add(new Problem("BROKEN_CHAIN", e.caseId(), e.seq(), "哈希链第 " + e.seq() + " 条（办件 "
						+ e.caseId() + "）记录的前一条摘要与实际前一条不符，链条断裂。"));
			}
			if (!e.recomputed().equals(e.entryDigest())) {
				problems.add(new Problem("ALTERED_ENTRY", e.caseId(), e.seq(), "哈希链第 " + e.seq() + " 条（办件 "
						+ e.caseId() + "）的内容与其摘要不符，条目被改动。"));
			}
			prev = e.entryDigest();
			expected = e.seq() + 1;
		}
		if (head.seq() >= expected) {
			problems.add(new Problem("MISSING_ENTRY", null, expected,
					"哈希链末尾第 " + range(expected, head.seq()) + " 条缺失（条目被删除），链头记录共 " + head.seq() + " 条。"));
		}
		else if (head.seq() == expected - 1 && !head.digest().equals(prev)) {
			problems.add(new Problem("BROKEN_CHAIN", null, head.seq(), "哈希链链头记录的摘要与最后一条不符，链条被改动。"));
		}
		return problems;
	}

	private static String range(long from, long to) {
		return from == to ? Long.toString(from) : from + "–" + to;
	}

	private List<Problem> checkPackage(Row row, Map<UUID, HashChain.Entry> registered,
			Map<UUID, HashChain.Entry> disposed) {
		List<Problem> problems = new ArrayList<>();
		UUID caseId = row.caseId();
		HashChain.Entry entry = registered.get(caseId);
		Optional<InputStream> file;
		try {
			file = store.open(new CaseId(caseId));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (row.status().equals("DISPOSED")) {
			if (!disposed.containsKey(caseId)) {
				problems.add(new Problem("UNRECORDED_DISPOSAL", caseId, null,
						"办件 " + caseId + " 的档案包标记为已销毁，但哈希链上没有销毁记录。"));
			}
			if (file.isPresent()) {
				close(file.get());
				problems.add(new Problem("NOT_DISPOSED", caseId, null, "办件 " + caseId + " 的档案包已登记销毁，但文件仍然存在。"));
			}
			return problems;
		}
		if (entry == null) {
			problems.add(new Problem("MISSING_ENTRY", caseId, null,
					"办件 " + caseId + " 的档案包没有登记在哈希链上（登记条目可能被删除）。"));
		}
		if (disposed.containsKey(caseId)) {
			problems.add(new Problem("BROKEN_CHAIN", caseId, disposed.get(caseId).seq(),
					"哈希链记录办件 " + caseId + " 的档案包已销毁，但档案库中仍标记为已归档。"));
		}
		if (file.isEmpty()) {
			problems.add(new Problem("MISSING_PACKAGE", caseId, entry == null ? null : entry.seq(),
					"办件 " + caseId + " 的档案包文件缺失。"));
			return problems;
		}
		String expected = entry != null ? entry.packageSm3() : row.sm3();
		String actual;
		try (InputStream in = file.get()) {
			actual = Sm3.hex(in);
		}
		catch (IOException e) {
			problems.add(new Problem("MISSING_PACKAGE", caseId, null, "办件 " + caseId + " 的档案包文件无法读取：" + e.getMessage()));
			return problems;
		}
		if (!actual.equals(expected)) {
			problems.add(new Problem("ALTERED_PACKAGE", caseId, entry == null ? null : entry.seq(),
					"办件 " + caseId + " 的档案包已被改动：SM3 摘要与哈希链登记的不符。"));
		}
		return problems;
	}

	private static void close(InputStream in) {
		try {
			in.close();
		}
		catch (IOException ignored) {
			// nothing was read
		}
	}

	/** The most recent runs, newest first. */
	public List<Report> recent(int limit) {
		return jdbc.sql("""
				SELECT id, started_at, finished_at, actor, checked, chain_length, problems::text AS problems
				FROM archive_fixity_run ORDER BY id DESC LIMIT ?""")
			.param(limit)
			.query((rs, i) -> new Report(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
					rs.getTimestamp("finished_at").toInstant(), rs.getString("actor"), rs.getInt("checked"),
					rs.getLong("chain_length"),
					json.readValue(rs.getString("problems"), new TypeReference<List<Problem>>() {
					})))
			.list();
	}
}
