package org.tongban.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo district (demo mode only): {@code tongban.supervision.demo.entities} entities (default 30,000) from
 * the seed {@code tongban.supervision.demo.seed}, their credit events, 120 inspectors (the demo accounts
 * {@code inspector} and {@code inspector2} among them, as 检-0001 and 检-0002) and some conflicts of interest,
 * all graded. Loaded once: a register that is not empty is left alone.
 */
@Component
@Order(40)
@ConditionalOnProperty(name = "tongban.demo.enabled", havingValue = "true")
class SupervisionDemoData implements ApplicationRunner {

	private static final Log log = LogFactory.getLog(SupervisionDemoData.class);
	static final int INSPECTORS = 120;

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Grading grading;
	private final Inspectors inspectors;
	private final TransactionTemplate transactions;
	private final java.time.Clock clock;
	private final int count;
	private final long seed;

	SupervisionDemoData(JdbcClient jdbc, DataSource dataSource, Grading grading, Inspectors inspectors,
			TransactionTemplate transactions, java.time.Clock clock, @Value("${tongban.supervision.demo.entities:30000}") int count,
			@Value("${tongban.supervision.demo.seed:20261205}") long seed) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.grading = grading;
		this.inspectors = inspectors;
		this.transactions = transactions;
		this.clock = clock;
		this.count = count;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("SELECT count(*) FROM supervision_entity").query(Long.class).single() > 0) {
			return;
		}
		long started = System.nanoTime();
		transactions.executeWithoutResult(tx -> load());
		log.info("监督执法演示数据：" + count + " 户，用时 " + (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	private void load() {
		Set<String> usccs = DemoDistrict.newSet();
		DemoDistrict.copy(dataSource, "COPY supervision_entity (uscc, name, sector, address, street) FROM STDIN (FORMAT csv)",
				DemoDistrict.entities(seed, count, usccs));
		// the demo enterprise account's clinic, so that its licences show in the register
		jdbc.sql("""
				INSERT INTO supervision_entity (uscc, name, sector, address, street)
				VALUES ('91310115MA1K3Y4N2N', '上海浦东示例口腔门诊部有限公司', 'MEDICAL', '上海市浦东新区张杨路 500 号', '潍坊新村街道')
				ON CONFLICT DO NOTHING""").update();
		List<String> ordered = new ArrayList<>(usccs);
		ordered.sort(null);
		DemoDistrict.copy(dataSource, "COPY supervision_credit_event (id, uscc, kind, occurred_on, note, recorded_by, "
				+ "recorded_at) FROM STDIN (FORMAT csv)", DemoDistrict.events(seed, ordered, grading.today(), clock.instant()));
		SplittableRandom random = new SplittableRandom(seed ^ 0x1a5bL);
		Sector[] all = Sector.values();
		for (int n = 1; n <= INSPECTORS; n++) {
			String code = "检-%04d".formatted(n);
			String username = n == 1 ? "inspector" : n == 2 ? "inspector2" : null;
			List<Sector> sectors = new ArrayList<>();
			for (Sector s : all) {
				if (n <= 2 || random.nextInt(100) < 55) {
					sectors.add(s);
				}
			}
			if (sectors.isEmpty()) {
				sectors.add(all[n % all.length]);
			}
			inspectors.enrol(code, username, n == 1 ? "赵监督员" : n == 2 ? "钱监督员" : DemoDistrict.inspectorName(seed, n),
					sectors);
		}
		for (int i = 0; i < Math.max(10, ordered.size() / 150); i++) {
			String uscc = ordered.get(random.nextInt(ordered.size()));
			String code = "检-%04d".formatted(1 + random.nextInt(INSPECTORS));
			inspectors.declareConflict(uscc, code, random.nextBoolean() ? "近亲属在该单位任职（演示）" : "曾在该单位任职未满三年（演示）");
		}
		grading.regradeAll();
	}
}
