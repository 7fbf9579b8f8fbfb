package org.tongban.supervision;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The inspections drawn, as the inspectors see them: an inspector sees only their own. */
@Service
public class Assignments {

	/** An inspection to be made, with the two inspectors as they stand after overrides. */
	public record Assignment(UUID id, UUID drawId, String sector, String sectorLabel, String period, String uscc,
			String name, String address, String street, String grade, List<String> inspectors) {
	}

	private static final String SELECT = """
			SELECT i.id, i.draw_id, p.sector, p.period, i.uscc, e.name, e.address, e.street, i.class, i.inspector1,
			  i.inspector2
			FROM supervision_inspection i JOIN supervision_draw d ON d.id = i.draw_id
			JOIN supervision_plan p ON p.id = d.plan_id LEFT JOIN supervision_entity e ON e.uscc = i.uscc""";

	private final JdbcClient jdbc;
	private final Inspectors inspectors;

	Assignments(JdbcClient jdbc, Inspectors inspectors) {
		this.jdbc = jdbc;
		this.inspectors = inspectors;
	}

	/** The inspections assigned to the inspector with this account; none when they are not in the pool. */
	public List<Assignment> of(String username) {
		return inspectors.codeOf(username)
			.map(code -> jdbc.sql(SELECT + " WHERE i.inspector1 = ? OR i.inspector2 = ? ORDER BY d.drawn_at DESC, i.seq")
				.params(code, code).query(this::map).list())
			.orElse(List.of());
	}

	/** Every inspection, newest draw first (for planners), at most {@code limit}. */
	public List<Assignment> all(int limit) {
		return jdbc.sql(SELECT + " ORDER BY d.drawn_at DESC, i.seq LIMIT ?").param(limit).query(this::map).list();
	}

	private Assignment map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		Sector sector = Sector.valueOf(rs.getString("sector"));
		return new Assignment(rs.getObject("id", UUID.class), rs.getObject("draw_id", UUID.class), sector.name(),
				sector.label(), rs.getString("period"), rs.getString("uscc"), rs.getString("name"), rs.getString("address"),
				rs.getString("street"), rs.getString("class"), List.of(rs.getString("inspector1"), rs.getString("inspector2")));
	}
}
