package org.tongban.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tongban.cases.CaseApplications;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.support.Applying;

/**
 * The README's authorisation matrix, proved request by request: every handler of the application has a row,
 * and every row is called by every kind of caller — anonymous, the applicant who owns the record, another
 * applicant, an enterprise, the centre's clerk, an approver of the item's division and one of another division,
 * an inspector, the division's staff, a leader, the administrator — with the answer checked against the cell.
 * <p>
 * A cell reads ✓ when the caller gets past authorisation (an answer other than 401, 403 and 404, such as 200,
 * 201, 302 to a page, or a business refusal like 409 for an action the case's step does not offer), 401 when
 * the caller must sign in (pages redirect to the sign-in page), 403 when the caller is known but has no such
 * right, 404 when the record is not theirs to know of. Every answer the calls got is written to
 * {@code target/authz-observed.md} in the README's format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorisationMatrixTests {

	/** The README's column headings and the accounts that stand for them ({@code null}: anonymous). */
	static final Map<String, String> CALLERS = new LinkedHashMap<>();

	static {
		CALLERS.put("匿名", null);
		CALLERS.put("本人", "citizen");
		CALLERS.put("他人", "matrix-citizen");
		CALLERS.put("企业", "enterprise");
		CALLERS.put("窗口", "clerk");
		CALLERS.put("审批", "approver");
		CALLERS.put("他处审批", "matrix-approver");
		CALLERS.put("监督", "inspector");
		CALLERS.put("处室", "biomed");
		CALLERS.put("领导", "leader");
		CALLERS.put("管理员", "admin");
	}

	/**
	 * What a changing request sends, so that a caller who may make it gets an answer from the handler rather
	 * than a 400 for a body it never meant to send. Keyed by the row as the README writes it.
	 */
	static final Map<String, String> BODIES = Map.ofEntries(
			Map.entry("POST /api/cases", """
					{"itemCode": "PD-WJW-GG-003", "situation": "NEW",
					 "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"}, "form": {}}"""),
			Map.entry("POST /api/cases/drafts", """
					{"itemCode": "PD-WJW-XK-001", "situation": "NEW",
					 "applicant": {"kind": "PERSON", "idNumber": "310115198503151230", "name": "张三"}, "form": {}}"""),
			Map.entry("PUT /api/cases/{草稿}/form", "{\"phone\": \"13800000001\"}"),
			Map.entry("POST /api/cases/{待受理办件}/actions/accept", "{}"),
			Map.entry("POST /api/cases/{审查中办件}/actions/approve", "{\"reason\": \"符合条件\"}"),
			Map.entry("POST /api/cases/{待受理办件}/actions/withdraw", "{\"reason\": \"不办了\"}"),
			Map.entry("POST /api/cases/{窗口草稿}/paper-materials", "{\"material\": \"护士执业注册申请审核表\"}"),
			Map.entry("POST /api/window/cases", """
					{"application": {"itemCode": "PD-WJW-XK-001", "situation": "NEW",
					 "applicant": {"kind": "PERSON", "idNumber": "310115199002201222", "name": "李四"}, "form": {}},
					 "identityChecked": true}"""),
			Map.entry("POST /api/licences/{证照}/actions/suspend", "{\"reason\": \"整改期间暂停\"}"),
			Map.entry("POST /api/catalogue/laws/{法规}/status", "{\"status\": \"CURRENT\"}"),
			Map.entry("PUT /api/catalogue/items/{编辑事项}/drafts/{指南草稿}", "{}"),
			Map.entry("POST /api/catalogue/items/{编辑事项}/drafts/{指南草稿}/reject", "{\"reason\": \"请补充\"}"),
			Map.entry("POST /api/guidance/{事项}/answers", "{\"answers\": {}}"),
			Map.entry("POST /api/assistant/ask", "{\"question\": \"护士执业注册要什么材料\"}"),
			Map.entry("POST /api/accounts", """
					{"username": "matrix-new", "displayName": "新账户", "password": "Matrix-new-2026!",
					 "roles": ["DIVISION_STAFF"], "orgUnitCode": "BIOMED"}"""),
			Map.entry("POST /api/accounts/{账户}/password", "{\"password\": \"Matrix-reset-2026!\"}"),
			// a wrong current password: no caller's password changes, so later rows still run as everyone
			Map.entry("POST /api/me/password", "{\"currentPassword\": \"wrong\", \"newPassword\": \"Matrix-change-2026!\"}"),
			Map.entry("POST /api/tokens", """
					{"client": "矩阵客户端", "roles": ["CLERK"], "orgUnitCode": "APPROVAL_CENTRE", "validDays": 30}"""),
			Map.entry("PUT /api/calendar/years/{报告年度}", "{\"days\": []}"),
			Map.entry("POST /api/archive/packages/{档案包}/disposal", "{\"reason\": \"保管期满\"}"),
			Map.entry("POST /api/cases/{已准予办件}/ratings", "{\"stage\": \"ACCEPTANCE\", \"level\": 5, \"tags\": [\"办事便捷\"]}"),
			Map.entry("POST /api/feedback/rectifications/{整改任务}/actions/contact", "{\"note\": \"已电话联系申请人\"}"),
			Map.entry("POST /api/feedback/tickets", "{\"text\": \"窗口说要另开证明\", \"contact\": \"13800000000\"}"),
			Map.entry("POST /api/feedback/tickets/{办不成事}/actions/contact", "{\"note\": \"已电话联系反映人\"}"),
			Map.entry("POST /api/feedback/hotline/replies", "{\"dispatchId\": \"00000000-0000-0000-0000-000000000000\", \"result\": \"已办结\"}"),
			Map.entry("POST /api/reform/tasks/{改革任务}/reports", "{\"text\": \"进展\", \"progress\": {进度}, \"status\": \"IN_PROGRESS\"}"),
			Map.entry("POST /api/feedback/clusters/{投诉聚类}/actions/revision", "{\"note\": \"据投诉修订\"}"),
			Map.entry("POST /api/supervision/inspectors", "{\"code\": \"检-7001\", \"name\": \"矩阵执法员\", \"sectors\": [\"MEDICAL\"]}"),
			Map.entry("POST /api/supervision/inspectors/{执法人员}/conflicts", "{\"uscc\": \"91310115MA1K3Y4N2N\", \"reason\": \"矩阵\"}"),
			Map.entry("POST /api/feedback/clusters/{投诉聚类}/actions/report",
					"{\"taskNo\": 5, \"text\": \"进展\", \"progress\": {进度}, \"status\": \"IN_PROGRESS\"}"),
			// a programme the demo citizen (41) is not eligible for: opting out of it changes nothing else the suite tests
			Map.entry("POST /api/benefits/mine/opt-out", "{\"programme\": \"ELDERLY_HEALTH_CHECK\"}"));

	/** Form fields of page requests, keyed like {@link #BODIES}. */
	static final Map<String, String> FORMS = Map.ofEntries(
			Map.entry("POST /cases", "item=PD-WJW-XK-001&situation=NEW"),
			Map.entry("POST /work/window", "item=PD-WJW-XK-001&situation=NEW&kind=PERSON&idNumber=310115199002201222"
					+ "&name=李四&identityChecked=true"),
			Map.entry("POST /work/cases/{待受理办件}/actions/accept", ""),
			Map.entry("POST /licences/{证照}/actions", "action=suspend&reason=整改期间暂停"),
			Map.entry("POST /cases/{待受理办件}/withdraw", "reason=不办了"),
			Map.entry("POST /cases/{草稿}/submit", "token={随机}"),
			Map.entry("POST /cases/{窗口草稿}/paper", "material=护士执业注册申请审核表"),
			Map.entry("POST /reform/tasks/{改革任务}/reports", "text=进展&progress={进度}&status=IN_PROGRESS"),
			Map.entry("POST /admin/accounts", "username=matrix-page&displayName=新账户&password=Matrix-page-2026!"
					+ "&roles=DIVISION_STAFF&orgUnitCode=BIOMED"),
			Map.entry("POST /admin/accounts/{账户}/enabled", "value=false"),
			Map.entry("POST /admin/accounts/{账户}/password", "password=Matrix-reset-2026!"),
			Map.entry("POST /account/password", "currentPassword=wrong&newPassword=Matrix-change-2026!"
					+ "&confirmPassword=Matrix-change-2026!"),
			Map.entry("POST /admin/tokens", "client=矩阵页面&roles=CLERK&orgUnitCode=APPROVAL_CENTRE&validDays=30"),
			Map.entry("POST /archive/packages/{档案包}/disposal", "reason=保管期满"),
			Map.entry("POST /assistant", "question=护士执业注册要什么材料"),
			Map.entry("POST /feedback/clusters/{投诉聚类}/revision", "note=据投诉修订"),
			Map.entry("POST /feedback/clusters/{投诉聚类}/report", "taskNo=5&text=进展&progress={进度}&status=IN_PROGRESS"),
			Map.entry("POST /track", "number={办件编号}&code={查询码}"),
			Map.entry("POST /cases/{已准予办件}/ratings", "stage=ACCEPTANCE&level=5&tags=办事便捷"),
			Map.entry("POST /feedback/rectifications/{整改任务}/contact", "note=已电话联系申请人"),
			Map.entry("POST /feedback/tickets", "text=窗口说要另开证明&contact=13800000000"),
			Map.entry("POST /feedback/tickets/{办不成事}/contact", "note=已电话联系反映人"),
			Map.entry("POST /benefits/mine/opt-out", "programme=ELDERLY_HEALTH_CHECK"));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	AccountManagement accounts;

	@Autowired
	CaseApplications applications;

	@Autowired
	org.tongban.archive.Archiving archiving;

	@Autowired
	org.tongban.feedback.Complaints complaints;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	AuthorisationMatrix matrix;
	MatrixFixtures fixtures;
	final Map<AuthorisationMatrix.Row, List<String>> observed = new LinkedHashMap<>();

	/** The raw HTTP statuses behind the observed cells, for reading a ✓ (a 400 may hide a missing check). */
	final Map<AuthorisationMatrix.Row, List<String>> statuses = new LinkedHashMap<>();

	int lastStatus;

	@BeforeAll
	void readTheMatrixAndMakeTheCallers() throws Exception {
		matrix = AuthorisationMatrix.fromReadme();
		assertThat(matrix.callers()).as("the matrix's columns").containsExactlyElementsOf(CALLERS.keySet());
		if (!accounts.all().stream().anyMatch(a -> a.username().equals("matrix-citizen"))) {
			accounts.create(new AccountManagement.NewAccount("matrix-citizen", "李四", "Matrix-check-2026!",
					Set.of(Role.CITIZEN), null, MatrixFixtures.OTHER_CITIZEN_ID, null, "13900000002"));
			accounts.create(new AccountManagement.NewAccount("matrix-approver", "医政审批", "Matrix-check-2026!",
					Set.of(Role.APPROVER), "MEDADMIN", null, null, null));
		}
		fixtures = new MatrixFixtures(mvc, jdbc, applications, accounts, archiving, complaints, this::as);
	}

	<B extends AbstractMockHttpServletRequestBuilder<B>> B as(String username, B request) {
		request.with(csrf());
		return username == null ? request : request.with(user(users.loadUserByUsername(username)));
	}

	/** Each handler method of the application, as {@code METHOD /pattern} with its variables as {@code {}}. */
	Set<String> handlers() {
		Set<String> found = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!method.getBeanType().getPackageName().startsWith("org.tongban")
					|| method.getBeanType().getPackageName().startsWith("org.tongban.bench")) {
				return;
			}
			Set<String> patterns = info.getPatternValues();
			Set<org.springframework.web.bind.annotation.RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : patterns) {
				for (var m : methods.isEmpty() ? Set.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
					found.add(m.name() + " " + AuthorisationMatrix.shape(pattern));
				}
			}
		});
		return found;
	}

	/**
	 * The handler a row's request reaches, as {@code METHOD /pattern} (variables as {@code {}}), found by the
	 * application's own mapping, so that a row naming one action ({@code …/actions/accept}) counts for the handler
	 * of every action ({@code …/actions/{action}}); {@code null} when no handler answers it.
	 */
	String handlerOf(AuthorisationMatrix.Row row) {
		String[] pathAndQuery = row.path().replaceAll("\\{[^}]*}", "x").split("\\?", 2);
		var request = new org.springframework.mock.web.MockHttpServletRequest(row.method(), pathAndQuery[0]);
		if (pathAndQuery.length > 1) {
			request.setQueryString(pathAndQuery[1]);
			for (String pair : pathAndQuery[1].split("&")) {
				String[] kv = pair.split("=", 2);
				request.addParameter(kv[0], kv.length > 1 ? kv[1] : "");
			}
		}
		request.setContentType(row.multipart() ? MediaType.MULTIPART_FORM_DATA_VALUE
				: row.path().startsWith("/api/") ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		org.springframework.web.util.ServletRequestPathUtils.parseAndCache(request);
		try {
			if (mappings.getHandler(request) == null) {
				return null;
			}
		}
		catch (Exception noneAnswers) {
			return null;
		}
		Object pattern = request.getAttribute(org.springframework.web.servlet.HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		return row.method() + " " + AuthorisationMatrix.shape(String.valueOf(pattern));
	}

	@Test
	void everyHandlerHasARowAndEveryRowAHandler() {
		Set<String> covered = new TreeSet<>();
		Set<String> stale = new TreeSet<>();
		for (AuthorisationMatrix.Row row : matrix.rows()) {
			String handler = handlerOf(row);
			if (handler == null) {
				stale.add(row.key());
			}
			else {
				covered.add(handler);
			}
		}
		Set<String> missing = new TreeSet<>(handlers());
		missing.removeAll(covered);
		assertThat(missing).as("handlers without a row in the README's authorisation matrix").isEmpty();
		assertThat(stale).as("rows of the README's authorisation matrix that no handler answers").isEmpty();
	}

	@TestFactory
	List<DynamicNode> everyCallerGetsTheAnswerTheMatrixGives() {
		List<DynamicNode> nodes = new ArrayList<>();
		for (AuthorisationMatrix.Row row : matrix.rows()) {
			List<DynamicTest> cells = new ArrayList<>();
			List<String> answers = new ArrayList<>();
			observed.put(row, answers);
			int column = 0;
			for (var caller : CALLERS.entrySet()) {
				String expected = row.expected().get(column++);
				cells.add(DynamicTest.dynamicTest(caller.getKey() + " → " + expected, () -> {
					String answer = call(row, caller.getValue());
					answers.add(answer);
					statuses.computeIfAbsent(row, r -> new ArrayList<>()).add(String.valueOf(lastStatus));
					assertThat(answer).as("%s as %s", row.key(), caller.getKey()).isEqualTo(expected);
				}));
			}
			nodes.add(DynamicContainer.dynamicContainer(row.key(), cells));
		}
		return nodes;
	}

	String call(AuthorisationMatrix.Row row, String username) throws Exception {
		boolean read = row.method().equals("GET");
		Map<String, String> context = new HashMap<>();
		String uri = fixtures.fill(row.path(), !read, context);
		String key = row.method() + " " + row.path();
		AbstractMockHttpServletRequestBuilder<?> request;
		if (row.multipart()) {
			var upload = multipart(HttpMethod.valueOf(row.method()), uri)
				.file(new MockMultipartFile(uri.contains("/reports") ? "files" : "file", "scan.pdf", "application/pdf",
						Applying.pdf("matrix")));
			if (uri.contains("/materials")) {
				upload.param("material", applications.requiredUploads(MatrixFixtures.ITEM, MatrixFixtures.SITUATION).get(0));
			}
			if (uri.contains("/reports")) {
				upload.param("text", "进展").param("progress", fixtures.progress()).param("status", "IN_PROGRESS");
			}
			request = upload;
		}
		else {
			var plain = request(HttpMethod.valueOf(row.method()), uri);
			if (BODIES.containsKey(key)) {
				plain.contentType(MediaType.APPLICATION_JSON).content(fixtures.fill(BODIES.get(key), !read, context));
			}
			else if (FORMS.containsKey(key)) {
				plain.contentType(MediaType.APPLICATION_FORM_URLENCODED).content(fixtures.fill(
						FORMS.get(key).replace("{随机}", java.util.UUID.randomUUID().toString()), !read, context));
			}
			else if (!read && uri.startsWith("/api/")) {
				plain.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			if (row.path().startsWith("/api/cases") && !read) {
				plain.header("Idempotency-Key", java.util.UUID.randomUUID().toString());
			}
			request = plain;
		}
		if (uri.equals("/error")) {
			// what the container sets when it forwards a failed request to the error page
			request.requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 400);
		}
		MockHttpServletResponse response = mvc.perform(asCaller(username, request)).andReturn().getResponse();
		lastStatus = response.getStatus();
		return answer(response);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private AbstractMockHttpServletRequestBuilder<?> asCaller(String username, AbstractMockHttpServletRequestBuilder request) {
		return (AbstractMockHttpServletRequestBuilder<?>) as(username, request);
	}

	/** The answer as the matrix writes it. */
	static String answer(MockHttpServletResponse response) {
		int status = response.getStatus();
		String location = response.getRedirectedUrl();
		if (status == 401 || (status / 100 == 3 && location != null && location.contains("/login"))) {
			return "401";
		}
		if (status == 403 || status == 404) {
			return String.valueOf(status);
		}
		if (status == 405 || status >= 500) {
			return "错误 " + status;
		}
		return "✓";
	}

	@AfterAll
	void writeWhatWasObserved() throws Exception {
		StringBuilder out = new StringBuilder("| 请求 | " + String.join(" | ", CALLERS.keySet()) + " |\n|---|"
				+ "---|".repeat(CALLERS.size()) + "\n");
		observed.forEach((row, answers) -> out.append("| `").append(row.method()).append(' ').append(row.path())
			.append('`').append(row.multipart() ? " (multipart)" : "").append(" | ").append(String.join(" | ", answers))
			.append(" |\n"));
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target/authz-observed.md"), out.toString(), StandardCharsets.UTF_8);
		StringBuilder raw = new StringBuilder();
		statuses.forEach((row, codes) -> raw.append(row.key()).append(" | ").append(String.join(" | ", codes)).append('\n'));
		Files.writeString(Path.of("target/authz-statuses.txt"), raw.toString(), StandardCharsets.UTF_8);
	}
}
