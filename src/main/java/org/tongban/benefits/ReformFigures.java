package org.tongban.benefits;

import java.math.BigDecimal;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.TaskIndicatorReported;

/**
 * What 免申即享 achieved, for the reform cockpit: tasks 37–40 of the 2024 plan are one programme each. After every full
 * run, each programme's figures of the current cycle go to the cockpit as {@link TaskIndicatorReported}: the people told
 * of a service they never applied for (对象“零申请”) and the people served, with the whole breakdown as the basis.
 */
@Component
class ReformFigures {

	/** The plan's task for each programme: (37) 两病筛查, (38) 65 周岁以上老人免费体检, (39) 孕前优生健康检查, (40) 家庭医生签约. */
	static final Map<String, Integer> TASKS = Map.of("TWO_CANCER_SCREENING", 37, "ELDERLY_HEALTH_CHECK", 38,
			"PRE_PREGNANCY_CHECK", 39, "FAMILY_DOCTOR", 40);

	private final Programmes programmes;
	private final Dashboard dashboard;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate transactions;
	private final java.time.Clock clock;

	ReformFigures(Programmes programmes, Dashboard dashboard, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, java.time.Clock clock) {
		this.programmes = programmes;
		this.dashboard = dashboard;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/** Publishes every programme's figures in one transaction, so the cockpit's listener receives them after commit. */
	void report() {
		transactions.executeWithoutResult(tx -> {
			for (Programme p : programmes.all()) {
				Integer task = TASKS.get(p.code());
				if (task == null) {
					continue;
				}
				Dashboard.Figures f = dashboard.of(p);
				long reached = f.notified() + f.booked() + f.served() + f.declined();
				String basis = f.cycle() + " 年度，第 " + f.ruleVersion() + " 版规则：符合条件建档 " + f.offered() + " 人，已告知 "
						+ reached + " 人，已预约待服务 " + f.booked() + " 人，已服务 " + f.served() + " 人，谢绝 " + f.declined()
						+ " 人，过期 " + f.expired() + " 人";
				var now = clock.instant();
				events.publishEvent(new TaskIndicatorReported(task, "benefits." + p.code() + ".reached",
						p.name() + "：主动告知（零申请）", BigDecimal.valueOf(reached), "人", basis, now));
				events.publishEvent(new TaskIndicatorReported(task, "benefits." + p.code() + ".served",
						p.name() + "：已享受服务", BigDecimal.valueOf(f.served()), "人", basis, now));
			}
		});
	}
}
