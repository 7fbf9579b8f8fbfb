package org.tongban.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes sure someone can sign in: the demo accounts when demo mode is asked for (tongban.demo.enabled, never on
 * by itself), otherwise the first administrator from TONGBAN_ADMIN_PASSWORD, who must change it at the first
 * sign-in. Start-up fails with a clear message rather than run a server nobody can administer or one with a
 * default password. Demo accounts cannot sign in without demo mode, so they do not count as administrators then.
 */
@Component
class AccountBootstrap implements InitializingBean {

	static final String DEMO_PASSWORD = "tongban-demo";

	private static final Log log = LogFactory.getLog(AccountBootstrap.class);

	private record Demo(String username, String name, Set<Role> roles, String orgUnit, String idNumber, String uscc) {
		Demo(String username, String name, Role role, String orgUnit) {
			this(username, name, EnumSet.of(role), orgUnit, null, null);
		}
	}

	private static final List<Demo> DEMO = List.of(
			new Demo("admin", "系统管理员", Role.ADMIN, "COMMISSION"),
			new Demo("leader", "王主任（委领导）", Role.LEADER, "COMMISSION"),
			new Demo("clerk", "李窗口（受理）", Role.CLERK, "APPROVAL_CENTRE"),
			new Demo("approver", "陈审批", Role.APPROVER, "BIOMED"),
			// a second approver, so that review and decision can be made by two people (four eyes)
			new Demo("approver2", "林审批", Role.APPROVER, "BIOMED"),
			new Demo("inspector", "赵监督员", Role.INSPECTOR, "SUPERVISION_INSTITUTE"),
			// a second inspector, so that one inspector's assignments can be shown to be hidden from another
			new Demo("inspector2", "钱监督员", Role.INSPECTOR, "SUPERVISION_INSTITUTE"),
			// the institute's planner of 双随机 inspections: plans, draws and approves overrides
			new Demo("supervisor", "孙科长（监督所计划）", Role.SUPERVISOR, "SUPERVISION_INSTITUTE"),
			// a planner the demo designates as legal reviewer (法制审核) of penalty decisions: never the case's handler
			new Demo("legal", "周法制（监督所法制审核）", Role.SUPERVISOR, "SUPERVISION_INSTITUTE"),
			new Demo("citizen", "张三", EnumSet.of(Role.CITIZEN), null, "310115198503151230", null),
			new Demo("enterprise", "上海浦东示例口腔门诊部有限公司", EnumSet.of(Role.ENTERPRISE), null, null,
					"91310115MA1K3Y4N2N"),
			new Demo("planning", "规划发展处 周工作人员", Role.DIVISION_STAFF, "PLANNING"),
			new Demo("biomed", "生物医药处 吴工作人员", Role.DIVISION_STAFF, "BIOMED"),
			new Demo("medadmin", "医政处 郑工作人员", Role.DIVISION_STAFF, "MEDADMIN"),
			new Demo("publichealth", "公卫处 孙工作人员", Role.DIVISION_STAFF, "PUBLIC_HEALTH"),
			new Demo("family", "人口家发处 钱工作人员", Role.DIVISION_STAFF, "FAMILY"),
			new Demo("primary", "基层处 冯工作人员", Role.DIVISION_STAFF, "PRIMARY_CARE"),
			new Demo("tcm", "中医科教处 褚工作人员", Role.DIVISION_STAFF, "TCM"),
			new Demo("personnel", "组织人事处 卫工作人员", Role.DIVISION_STAFF, "PERSONNEL"),
			new Demo("office", "党政办 蒋工作人员", Role.DIVISION_STAFF, "OFFICE"));

	private final Accounts accounts;
	private final AccountManagement management;
	private final boolean demoEnabled;
	private final String adminPassword;

	AccountBootstrap(Accounts accounts, AccountManagement management,
			@Value("${tongban.demo.enabled:false}") boolean demoEnabled,
			@Value("${tongban.admin.password:}") String adminPassword) {
		this.accounts = accounts;
		this.management = management;
		this.demoEnabled = demoEnabled;
		this.adminPassword = adminPassword;
	}

	/** Fails before the server starts listening when nobody could administer it. */
	@Override
	public void afterPropertiesSet() {
		if (demoEnabled || accounts.anyAdministrator()) {
			return;
		}
		if (adminPassword == null || adminPassword.isBlank()) {
			throw new IllegalStateException("尚无管理员账户：请通过环境变量 TONGBAN_ADMIN_PASSWORD 提供初始管理员 admin 的密码"
					+ "（" + PasswordPolicy.RULES + "），或设置 TONGBAN_DEMO_ENABLED=true 使用演示数据。"
					+ " No administrator exists yet: set TONGBAN_ADMIN_PASSWORD to create 'admin'.");
		}
		String problem = PasswordPolicy.problem(adminPassword, "admin");
		if (problem != null) {
			throw new IllegalStateException("TONGBAN_ADMIN_PASSWORD 不符合密码要求：" + problem);
		}
	}

	/**
	 * Creates the accounts once the context has started, so that their audit events are delivered
	 * (events published while the context is still being built would miss their listeners).
	 */
	@EventListener(ApplicationStartedEvent.class)
	public void createAccounts() {
		if (demoEnabled) {
			int created = 0;
			for (Demo d : DEMO) {
				if (!accounts.exists(d.username())) {
					management.create(new AccountManagement.NewAccount(d.username(), d.name(), DEMO_PASSWORD, d.roles(),
							d.orgUnit(), d.idNumber(), d.uscc(), null), true);
					created++;
				}
			}
			if (created > 0) {
				log.info("Created " + created + " demo accounts (password " + DEMO_PASSWORD + ")");
			}
			return;
		}
		if (accounts.anyAdministrator()) {
			return;
		}
		management.createInitialAdministrator(adminPassword);
		log.info("Created the initial administrator 'admin' from TONGBAN_ADMIN_PASSWORD; it must be changed at the first sign-in");
	}
}
