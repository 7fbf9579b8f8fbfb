package org.tongban.benefits;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the programmes' first rule versions; in demo mode also loads the synthetic Pudong
 * ({@code tongban.benefits.demo.residents}, from {@code tongban.benefits.demo.seed}) and the demo citizen's
 * register entries, once: registers that are not empty are left alone; and each programme's institutions with slots
 * for the next working days (from the product clock), when the programme has none.
 */
@Component
@Order(45)
class BenefitsStartup implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(BenefitsStartup.class);
	/** The demo citizen 张三: a Pudong resident of 41 who, with his wife, registered for pre-pregnancy checks. */
	static final String DEMO_CITIZEN = "310115198503151230";

	private final Programmes programmes;
	private final Institutions institutions;
	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Clock clock;
	private final boolean demo;
	private final long residents;
	private final long seed;

	BenefitsStartup(Programmes programmes, Institutions institutions, JdbcClient jdbc, DataSource dataSource, Clock clock,
			@Value("${tongban.demo.enabled:false}") boolean demo,
			@Value("${tongban.benefits.demo.residents:50000}") long residents,
			@Value("${tongban.benefits.demo.seed:20261206}") long seed) {
		this.programmes = programmes;
		this.institutions = institutions;
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.clock = clock;
		this.demo = demo;
		this.residents = residents;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		programmes.seedRules();
		if (demo) {
			institutions.seedDemo();
		}
		if (!demo || jdbc.sql("SELECT count(*) FROM benefits_person").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		RegisterLoader.Report report = RegisterLoader.load(dataSource, new SyntheticPudong(seed, today), residents);
		jdbc.sql("""
				INSERT INTO benefits_person (id_number, sex, birth_date, household_local, street, recorded_on, source)
				VALUES (?, 'M', DATE '1985-03-15', true, '潍坊新村街道', ?, ?) ON CONFLICT DO NOTHING""")
			.params(DEMO_CITIZEN, today.minusDays(3), SyntheticPudong.POPULATION).update();
		jdbc.sql("""
				INSERT INTO benefits_booking (id_number, booked_on, partner_id_number, partner_local, source)
				VALUES (?, ?, '310115198707201228', true, ?) ON CONFLICT DO NOTHING""")
			.params(DEMO_CITIZEN, today.minusDays(20), SyntheticPudong.BOOKINGS).update();
		log.info("免申即享演示人口：载入 " + report.residents() + " 人（" + report.rows() + " 条登记记录），跳过身份证号码无效的 "
				+ report.skipped() + " 条，用时 " + (System.nanoTime() - started) / 1_000_000 + " ms");
	}
}
