package org.tongban.supervision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.Problem;

/**
 * The pool of inspectors qualified per sector, known to the public only by anonymous codes (检-0001), and the
 * conflict-of-interest list that keeps an inspector away from entities they are linked to.
 */
@Service
public class Inspectors {

	/** An inspector of the pool; {@code username} and {@code name} are never published. */
	public record Inspector(String code, String username, String name, List<String> sectors, boolean active) {
	}

	private final JdbcClient jdbc;
	private final AuditTrail audit;

	Inspectors(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** Adds an inspector to the pool (or changes their sectors). */
	@Transactional
	public void enrol(String code, String username, String name, List<Sector> sectors) {
		if (code == null || !code.matches("检-\\d{4,6}")) {
			throw Problem.invalid("code", "执法人员编号须为“检-”加 4–6 位数字");
		}
		jdbc.sql("""
				INSERT INTO supervision_inspector (code, username, name, sectors) VALUES (?, ?, ?, ?)
				ON CONFLICT (code) DO UPDATE SET username = excluded.username, name = excluded.name,
				  sectors = excluded.sectors, active = true""")
			.params(code, username, name, sectors.stream().map(Sector::name).toArray(String[]::new)).update();
		audit.record("supervision.inspector.enrol", "inspector", code, null, Map.of("sectors", sectors.toString()));
	}

	/** Records that an inspector is linked to an entity (a relative, a former employer …). */
	@Transactional
	public void declareConflict(String uscc, String code, String reason) {
		jdbc.sql("INSERT INTO supervision_conflict (uscc, inspector_code, reason) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(uscc, code, reason).update();
		audit.record("supervision.conflict.declare", "inspector", code, null, Map.of("entity", uscc));
	}

	/** The active inspectors qualified for a sector, in code order. */
	public List<String> qualified(Sector sector) {
		return jdbc.sql("SELECT code FROM supervision_inspector WHERE active AND ? = ANY (sectors) ORDER BY code")
			.param(sector.name()).query(String.class).list();
	}

	public Optional<Inspector> find(String code) {
		return jdbc.sql("SELECT code, username, name, sectors, active FROM supervision_inspector WHERE code = ?")
			.param(code).query((rs, i) -> new Inspector(rs.getString(1), rs.getString(2), rs.getString(3),
					List.of((String[]) rs.getArray(4).getArray()), rs.getBoolean(5)))
			.optional();
	}

	/** The code of the signed-in inspector, if they are in the pool. */
	public Optional<String> codeOf(String username) {
		return jdbc.sql("SELECT code FROM supervision_inspector WHERE username = ?").param(username)
			.query(String.class).optional();
	}

	/** Names by code, for staff views only. */
	public Map<String, String> names() {
		Map<String, String> names = new java.util.HashMap<>();
		jdbc.sql("SELECT code, name FROM supervision_inspector").query(rs -> {
			names.put(rs.getString(1), rs.getString(2));
		});
		return names;
	}

	boolean conflicted(String uscc, String code) {
		return jdbc.sql("SELECT count(*) FROM supervision_conflict WHERE uscc = ? AND inspector_code = ?")
			.params(uscc, code).query(Long.class).single() > 0;
	}
}
