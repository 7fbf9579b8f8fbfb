package org.tongban.reform;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few plausible 2024 progress reports, by the demo accounts of the lead divisions, so that a demo
 * cockpit is not empty. Flagged {@code demo} in the table and shown as 演示 in the history; written
 * once (skipped when any demo report exists) and only when demo data is on.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tongban.demo.enabled", havingValue = "true")
class ReformDemoData implements ApplicationRunner {

	private record Demo(int task, String unit, String date, String text, Integer progress, TaskStatus status) {
	}

	/** The demo accounts of identity's AccountBootstrap, by unit. */
	private static final Map<String, String[]> AUTHORS = Map.of(
			"PLANNING", new String[] {"planning", "规划发展处 周工作人员"},
			"BIOMED", new String[] {"biomed", "生物医药处 吴工作人员"},
			"MEDADMIN", new String[] {"medadmin", "医政处 郑工作人员"},
			"PUBLIC_HEALTH", new String[] {"publichealth", "公卫处 孙工作人员"},
			"FAMILY", new String[] {"family", "人口家发处 钱工作人员"},
			"PRIMARY_CARE", new String[] {"primary", "基层处 冯工作人员"},
			"OFFICE", new String[] {"office", "党政办 蒋工作人员"});

	private static final List<Demo> REPORTS = List.of(
			new Demo(1, "BIOMED", "2024-03-20T10:00", "已完成行政许可清单目录梳理初稿，正在征求各业务处室意见。", 40, TaskStatus.IN_PROGRESS),
			new Demo(1, "PLANNING", "2024-04-02T15:30", "已反馈清单目录修改意见 12 条。", null, null),
			new Demo(1, "BIOMED", "2024-11-28T09:00", "行政许可清单目录及实施规范、办事指南已全部更新并公布。", 100, TaskStatus.COMPLETED),
			new Demo(3, "PLANNING", "2024-03-29T17:00", "2023年度行政许可实施情况年度报告已编制完成并报送。", 100, TaskStatus.COMPLETED),
			new Demo(9, "BIOMED", "2024-06-14T11:00", "新增牵头行业的综合许可要素流程梳理已完成，操作手册编写中。", 60, TaskStatus.IN_PROGRESS),
			new Demo(13, "PLANNING", "2024-05-10T14:00", "已完成首批 40 个事项办理情形和申请材料目录的细化。", 30, TaskStatus.IN_PROGRESS),
			new Demo(13, "PLANNING", "2024-08-22T16:00", "第二批事项细化完成，业务口径标准量化方案已形成初稿。", 55, TaskStatus.IN_PROGRESS),
			new Demo(15, "BIOMED", "2024-06-25T10:30", "卫生健康领域行政备案清单已制定并发布。", 100, TaskStatus.COMPLETED),
			new Demo(20, "MEDADMIN", "2024-07-05T09:30", "医疗机构合规指引已起草，在 3 家机构试点“合规体检”。", 50, TaskStatus.IN_PROGRESS),
			new Demo(22, "PUBLIC_HEALTH", "2024-09-20T15:00", "信用评价结果应用方案需与区市场监管局衔接，预计延至 11 月完成。", 20, TaskStatus.DELAYED),
			new Demo(29, "MEDADMIN", "2024-06-28T17:30", "上半年“双随机、一公开”抽查任务已全部完成，结果已公示。", 100, TaskStatus.COMPLETED),
			new Demo(32, "PRIMARY_CARE", "2024-08-30T10:00", "老年人健康服务“一件事”流程已在 12 家社区卫生服务中心上线试运行。", 70, TaskStatus.IN_PROGRESS),
			new Demo(37, "FAMILY", "2024-09-26T11:00", "退休妇女和生活困难妇女两病筛查“免申即享”已上线，累计推送 1.2 万人次。", 100, TaskStatus.COMPLETED),
			new Demo(42, "PLANNING", "2024-07-18T16:30", "影像数据共享开发机制方案已经委务会审议，七院完成接口联调。", 45, TaskStatus.IN_PROGRESS),
			new Demo(50, "OFFICE", "2024-10-15T09:00", "“好差评”三个全覆盖已在委审批服务中心实现，正在推进分环节评价。", 80, TaskStatus.IN_PROGRESS),
			new Demo(59, "PLANNING", "2024-12-20T15:00", "已建立部门协同、上下联动的工作机制，全年召开推进会 4 次。", 100, TaskStatus.COMPLETED));

	private static final Log log = LogFactory.getLog(ReformDemoData.class);

	private final ReformTasks tasks;
	private final ReformCockpit cockpit;
	private final TransactionTemplate tx;

	ReformDemoData(ReformTasks tasks, ReformCockpit cockpit, TransactionTemplate tx) {
		this.tasks = tasks;
		this.cockpit = cockpit;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		tx.executeWithoutResult(status -> {
			tasks.lockForLoading();
			if (tasks.anyDemoReports()) {
				return;
			}
			for (Demo d : REPORTS) {
				ReformTask task = tasks.findForUpdate(d.task()).orElseThrow();
				String[] author = AUTHORS.get(d.unit());
				ReformCockpit.Right right = d.progress() == null ? ReformCockpit.Right.CONTRIBUTE
						: ReformCockpit.Right.REPORT;
				cockpit.record(task, right, author[0], author[1], d.unit(), cockpit.name(d.unit()),
						new NewReport(d.text(), d.progress(), d.status(), null), List.of(), true,
						LocalDateTime.parse(d.date()).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
			}
			log.info("Wrote " + REPORTS.size() + " demo reform reports");
		});
	}
}
