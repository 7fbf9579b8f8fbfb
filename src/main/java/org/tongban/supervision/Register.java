package org.tongban.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.licences.Licence;
import org.tongban.licences.Licences;
import org.tongban.shared.AuditTrail;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;
import org.tongban.shared.UnifiedSocialCreditCode;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The register of regulated entities by 统一社会信用代码, and the licences they hold. */
@Service
public class Register {

	/** What registers an entity. */
	public record NewEntity(String uscc, String name, String sector, String address, String street) {
	}

	/** A page of the register. */
	public record Page(List<RegulatedEntity> items, int page, int size, long total) {
	}

	private final JdbcClient jdbc;
	private final Grading grading;
	private final Licences licences;
	private final AuditTrail audit;
	private final JsonMapper json;

	Register(JdbcClient jdbc, Grading grading, Licences licences, AuditTrail audit, JsonMapper json) {
		this.jdbc = jdbc;
		this.grading = grading;
		this.licences = licences;
		this.audit = audit;
		this.json = json;
	}

	/** Registers an entity (or corrects its particulars) and grades it. */
	@Transactional
	public RegulatedEntity register(NewEntity e) {
		List<FieldMessage> errors = new ArrayList<>();
		UnifiedSocialCreditCode.problemWith(e.uscc()).ifPresent(p -> errors.add(new FieldMessage("uscc", p)));
		if (e.name() == null || e.name().isBlank() || e.name().length() > 200) {
			errors.add(new FieldMessage("name", "请填写单位名称（200 字以内）"));
		}
		if (e.sector() == null || Sector.of(e.sector()).isEmpty()) {
			errors.add(new FieldMessage("sector", "行业须为 PUBLIC_PLACE、MEDICAL、MEDICAL_BEAUTY、DRINKING_WATER、DISINFECTION、OCCUPATIONAL 之一"));
		}
		if (e.address() == null || e.address().isBlank() || e.address().length() > 300) {
			errors.add(new FieldMessage("address", "请填写地址（300 字以内）"));
		}
		if (e.street() == null || !Streets.ALL.contains(e.street())) {
			errors.add(new FieldMessage("street", "街镇须为浦东新区 36 个街道、镇之一（如“陆家嘴街道”“张江镇”）"));
		}
		if (!errors.isEmpty()) {
			throw Problem.invalid(errors);
		}
		String uscc = new UnifiedSocialCreditCode(e.uscc()).value();
		jdbc.sql("""
				INSERT INTO supervision_entity (uscc, name, sector, address, street) VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (uscc) DO UPDATE SET name = excluded.name, sector = excluded.sector,
				  address = excluded.address, street = excluded.street""")
			.params(uscc, e.name().strip(), e.sector(), e.address().strip(), e.street()).update();
		audit.record("supervision.entity.register", "entity", uscc, null, java.util.Map.of("sector", e.sector()));
		grading.regrade(uscc);
		return find(uscc).orElseThrow();
	}

	public Optional<RegulatedEntity> find(String uscc) {
		return jdbc.sql("SELECT * FROM supervision_entity WHERE uscc = ?").param(uscc == null ? "" : uscc.strip().toUpperCase())
			.query(this::map).optional();
	}

	/** The register, narrowed by sector and class when given, in USCC order. */
	public Page list(Sector sector, String combined, int page, int size) {
		String where = " WHERE (CAST(? AS text) IS NULL OR sector = ?) AND (CAST(? AS text) IS NULL OR class = ?)";
		String s = sector == null ? null : sector.name();
		long total = jdbc.sql("SELECT count(*) FROM supervision_entity" + where).params(s, s, combined, combined)
			.query(Long.class).single();
		List<RegulatedEntity> items = jdbc.sql("SELECT * FROM supervision_entity" + where + " ORDER BY uscc LIMIT ? OFFSET ?")
			.params(s, s, combined, combined, size, (long) page * size).query(this::map).list();
		return new Page(items, page, size, total);
	}

	/** The licences the entity holds, from the licences module. */
	public List<Licence> licencesOf(String uscc) {
		return licences.heldByEnterprise(uscc);
	}

	private RegulatedEntity map(ResultSet rs, int i) throws SQLException {
		String reasons = rs.getString("reasons");
		List<Grade.Reason> list = reasons == null ? List.of()
				: json.readValue(reasons, new TypeReference<List<Grade.Reason>>() {
				});
		java.sql.Timestamp graded = rs.getTimestamp("graded_at");
		return new RegulatedEntity(rs.getString("uscc"), rs.getString("name"), Sector.valueOf(rs.getString("sector")),
				rs.getString("address"), rs.getString("street"), rs.getString("credit_grade"), rs.getString("risk_grade"),
				rs.getString("class"), list, graded == null ? null : graded.toInstant());
	}
}
