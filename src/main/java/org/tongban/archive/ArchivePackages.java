package org.tongban.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.CaseId;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;

/** Archive search, package download and disposal after the retention period. Callers check the roles. */
@Service
public class ArchivePackages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
	static final int MAX_RESULTS = 200;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final ArchiveStore store;
	private final HashChain chain;
	private final AuditTrail audit;
	private final TransactionTemplate tx;

	ArchivePackages(JdbcClient jdbc, Clock clock, ArchiveStore store, HashChain chain, AuditTrail audit,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.store = store;
		this.chain = chain;
		this.audit = audit;
		this.tx = new TransactionTemplate(transactions);
	}

	/** Search filters; every one optional. {@code applicant} matches the name (part of it) or the exact ID / USCC. */
	public record Query(String caseId, String applicant, String itemCode, LocalDate from, LocalDate to) {
	}

	private static final String COLUMNS = """
			SELECT id, case_id, item_code, item_name, applicant_name, applicant_id, outcome, status, size_bytes, sm3,
			  completed_at, archived_at, retain_until, attempts, last_error, disposed_at, disposed_by, disposal_reason
			FROM archive_package""";

	public List<ArchivePackage> search(Query q) {
		return search(q, null);
	}

	/** As {@link #search(Query)}, among the packages of the items {@code itemCodes} only (all when null). */
	public List<ArchivePackage> search(Query q, List<String> itemCodes) {
		List<String> where = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (itemCodes != null) {
			where.add("item_code = ANY(?)");
			params.add(itemCodes.toArray(String[]::new));
		}
		if (notBlank(q.caseId())) {
			where.add("case_id = ?");
			params.add(uuid(q.caseId().strip(), "caseId", "办件编号格式不正确，应为 36 位的 UUID。"));
		}
		if (notBlank(q.applicant())) {
			String a = q.applicant().strip();
			if (a.length() > 100) {
				throw Problem.invalid("applicant", "申请人不能超过 100 个字符。");
			}
			where.add("(applicant_id = upper(?) OR applicant_name ILIKE ? ESCAPE '\\')");
			params.add(a);
			params.add("%" + a.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (notBlank(q.itemCode())) {
			where.add("item_code = ?");
			params.add(q.itemCode().strip());
		}
		if (q.from() != null && q.to() != null && q.from().isAfter(q.to())) {
			throw Problem.invalid("from", "开始日期不能晚于结束日期。");
		}
		if (q.from() != null) {
			where.add("completed_at >= ?");
			params.add(Timestamp.from(q.from().atStartOfDay(PdfDocuments.ZONE).toInstant()));
		}
		if (q.to() != null) {
			where.add("completed_at < ?");
			params.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(PdfDocuments.ZONE).toInstant()));
		}
		String sql = COLUMNS + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
				+ " ORDER BY completed_at DESC, case_id LIMIT " + MAX_RESULTS;
		return jdbc.sql(sql).params(params).query((rs, i) -> map(rs)).list();
	}

	public ArchivePackage get(UUID id) {
		return jdbc.sql(COLUMNS + " WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional()
			.orElseThrow(() -> Problem.notFound("未找到该档案包。"));
	}

	public Optional<ArchivePackage> forCase(CaseId caseId) {
		return jdbc.sql(COLUMNS + " WHERE case_id = ?").param(caseId.value()).query((rs, i) -> map(rs)).optional();
	}

	/** The stored ZIP of an archived package; the download is recorded in the audit log. */
	public InputStream open(UUID id) {
		ArchivePackage p = get(id);
		if (!p.status().equals("ARCHIVED")) {
			throw Problem.conflict("档案包" + p.statusLabel() + "，没有可下载的文件。");
		}
		try {
			InputStream in = store.open(new CaseId(p.caseId()))
				.orElseThrow(() -> Problem.notFound("档案包文件缺失，请运行完整性检查并联系管理员。"));
			audit.record("ARCHIVE_DOWNLOAD", "archive_package", p.id(), null, Map.of("caseId", p.caseId().toString()));
			return in;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Disposes of a package whose retention period has passed: a DISPOSAL entry goes on the chain and the row
	 * is marked DISPOSED in one transaction, then the file is deleted.
	 */
	public ArchivePackage dispose(UUID id, String actor, String reason) {
		if (reason == null || reason.isBlank()) {
			throw Problem.invalid("reason", "请填写销毁理由（如鉴定意见、批准文号）。");
		}
		if (reason.length() > 1000) {
			throw Problem.invalid("reason", "销毁理由不能超过 1000 字。");
		}
		ArchivePackage disposed = tx.execute(s -> {
			ArchivePackage p = jdbc.sql(COLUMNS + " WHERE id = ? FOR UPDATE").param(id).query((rs, i) -> map(rs))
				.optional()
				.orElseThrow(() -> Problem.notFound("未找到该档案包。"));
			if (!p.status().equals("ARCHIVED")) {
				throw Problem.conflict("档案包" + p.statusLabel() + "，不能销毁。");
			}
			LocalDate today = LocalDate.now(clock);
			if (p.retainUntil() == null) {
				throw Problem.conflict("该事项的档案须永久保存，不能销毁。");
			}
			if (!today.isAfter(p.retainUntil())) {
				throw Problem.conflict("档案保管期限至 " + DAY.format(p.retainUntil()) + "，期满之前不能销毁。");
			}
			HashChain.Entry e = chain.append(HashChain.Kind.DISPOSAL, p.caseId(), p.sm3(), actor, reason.strip());
			jdbc.sql("""
					UPDATE archive_package SET status = 'DISPOSED', disposed_at = ?, disposed_by = ?, disposal_reason = ?
					WHERE id = ?""")
				.params(Timestamp.from(e.at()), actor, reason.strip(), id)
				.update();
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("status", "DISPOSED");
			after.put("reason", reason.strip());
			after.put("chainSeq", e.seq());
			audit.record("ARCHIVE_DISPOSE", "archive_package", id, Map.of("status", "ARCHIVED"), after);
			return get(id);
		});
		try {
			store.delete(new CaseId(disposed.caseId()));
		}
		catch (IOException e) {
			throw new UncheckedIOException("package of " + disposed.caseId() + " recorded as disposed but not deleted", e);
		}
		return disposed;
	}

	private static ArchivePackage map(java.sql.ResultSet rs) throws java.sql.SQLException {
		String status = rs.getString("status");
		return new ArchivePackage(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
				rs.getString("item_code"), rs.getString("item_name"), rs.getString("applicant_name"),
				rs.getString("applicant_id"), rs.getString("outcome"), status, ArchivePackage.label(status),
				(Long) rs.getObject("size_bytes"), rs.getString("sm3"), instant(rs.getTimestamp("completed_at")),
				instant(rs.getTimestamp("archived_at")),
				rs.getDate("retain_until") == null ? null : rs.getDate("retain_until").toLocalDate(),
				rs.getInt("attempts"), rs.getString("last_error"), instant(rs.getTimestamp("disposed_at")),
				rs.getString("disposed_by"), rs.getString("disposal_reason"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

	private static UUID uuid(String s, String field, String message) {
		try {
			return UUID.fromString(s);
		}
		catch (IllegalArgumentException e) {
			throw Problem.invalid(field, message);
		}
	}
}
