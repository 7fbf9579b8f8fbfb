package org.tongban.supervision;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;

/**
 * Makes a drawn inspection of a fresh entity through the real plan and draw, and links one of the two inspectors
 * drawn for it to a fresh inspector account (or uses the demo inspector when the draw picked 检-0001 or 检-0002).
 */
final class InspectionFixture {

	static final String PASSWORD = "Inspector-check-2026!";

	/** The inspection, its entity, the account that may record it and that account's password. */
	record Drawn(UUID inspection, UUID draw, String uscc, String name, String inspector, String password, String code,
			String otherCode) {
	}

	private static final SplittableRandom RANDOM = new SplittableRandom();

	private InspectionFixture() {
	}

	static Drawn draw(JdbcClient jdbc, Register register, Draws draws, Inspectors inspectors, AccountManagement accounts,
			Sector sector, String period) {
		String uscc;
		synchronized (RANDOM) {
			uscc = DemoDistrict.uscc(RANDOM);
		}
		String name = "上海检查测试" + uscc.substring(12) + "有限公司";
		register.register(new Register.NewEntity(uscc, name, sector.name(), "上海市浦东新区张杨路 1 号", "陆家嘴街道"));
		// every class at 100 %: the fresh entity is certainly drawn
		Plan plan = draws.plan(new Draws.PlanRequest(sector.name(), period, Map.of("A", 100, "B", 100, "C", 100, "D", 100),
				null), "supervisor");
		Draws.Draw draw = draws.draw(plan.id(), "supervisor");
		UUID inspection = jdbc.sql("SELECT id FROM supervision_inspection WHERE draw_id = ? AND uscc = ?")
			.params(draw.id(), uscc).query(UUID.class).single();
		List<String> codes = jdbc.sql("SELECT inspector1, inspector2 FROM supervision_inspection WHERE id = ?")
			.param(inspection).query((rs, i) -> List.of(rs.getString(1), rs.getString(2))).single();
		String code = codes.get(0);
		String other = codes.get(1);
		String username;
		String password;
		if (code.equals("检-0001") || code.equals("检-0002")) {
			username = code.equals("检-0001") ? "inspector" : "inspector2";
			password = "tongban-demo";
		}
		else {
			username = "insp-" + Integer.toHexString(RANDOM.nextInt()).toLowerCase();
			password = PASSWORD;
			accounts.create(new AccountManagement.NewAccount(username, "测试执法员", PASSWORD, Set.of(Role.INSPECTOR),
					"SUPERVISION_INSTITUTE", null, null, null));
			Inspectors.Inspector before = inspectors.find(code).orElseThrow();
			inspectors.enrol(code, username, before.name(), before.sectors().stream().map(Sector::valueOf).toList());
		}
		return new Drawn(inspection, draw.id(), uscc, name, username, password, code, other);
	}

	/** A real picture, as a phone would send it. */
	static byte[] image(String format) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(RANDOM.nextInt(0xffffff)));
		g.fillRect(0, 0, 64, 48);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}
}
