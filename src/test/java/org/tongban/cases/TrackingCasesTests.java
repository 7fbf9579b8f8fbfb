package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 办件编号 and 查询码: a number per year given on submission (never to a draft), unique under concurrent
 * submissions; the public lookup by number and code shows progress and nothing personal, and answers a wrong
 * code exactly as an unknown number; it is rate-limited per address.
 */
class TrackingCasesTests extends CasesIntegrationTest {

	private static final String NUMBER = "\\d{4}-\\d{6}";
	private static final String CODE = "[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}";

	private final JsonMapper json = JsonMapper.builder().build();

	/** A case of 放射工作人员证 注销 (no uploads needed), submitted in one call; returns the receipt. */
	private JsonNode submit(String note) throws Exception {
		String body = mvc.perform(apply(key(), citizenBody("PD-WJW-XK-008", "CANCEL", note)).with(basic("citizen")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		return json.readTree(body);
	}

	private static RequestPostProcessor from(String ip) {
		return request -> {
			request.setRemoteAddr(ip);
			return request;
		};
	}

	private static String randomIp() {
		int h = UUID.randomUUID().hashCode();
		return "10." + (h & 0xff) + "." + ((h >> 8) & 0xff) + "." + ((h >> 16) & 0xff);
	}

	@Test
	void aDraftHasNoNumberASubmittedCaseGetsNumberAndCodeOnceAndKeepsThem() throws Exception {
		String id = org.tongban.support.Applying.draft(mvc, "citizen", citizenBody("PD-WJW-XK-008", "CANCEL", "草稿"));
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.number").doesNotExist()).andExpect(jsonPath("$.queryCode").doesNotExist());
		String key = key();
		String receipt = mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key)
				.with(basic("citizen"))).andExpect(status().isCreated())
				.andExpect(jsonPath("$.number").value(org.hamcrest.Matchers.matchesPattern("2026-\\d{6}")))
				.andExpect(jsonPath("$.queryCode").value(org.hamcrest.Matchers.matchesPattern(CODE)))
				.andReturn().getResponse().getContentAsString();
		String number = json.readTree(receipt).get("number").asString();
		String code = json.readTree(receipt).get("queryCode").asString();
		// a replay returns the same receipt; the owner and staff within duty read the same number and code
		mvc.perform(post("/api/cases/{id}/actions/submit", id).header("Idempotency-Key", key).with(basic("citizen")))
				.andExpect(status().isOk()).andExpect(jsonPath("$.number").value(number))
				.andExpect(jsonPath("$.queryCode").value(code));
		mvc.perform(get("/api/cases/{id}", id).with(basic("citizen"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.number").value(number)).andExpect(jsonPath("$.queryCode").value(code));
		mvc.perform(get("/api/cases/{id}", id).with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.number").value(number)).andExpect(jsonPath("$.queryCode").value(code));
		// outside duty or ownership: the case does not exist, number or not
		mvc.perform(get("/api/cases/{id}", id).with(basic("enterprise"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/cases").with(basic("citizen"))).andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.id == '" + id + "')].number").value(number));
		// acting on the case keeps its number
		mvc.perform(post("/api/cases/{id}/actions/accept", id).contentType(MediaType.APPLICATION_JSON).content("{}")
				.with(basic("clerk"))).andExpect(status().isOk()).andExpect(jsonPath("$.number").value(number));
		// the applicant's message names the case by its number
		String message = jdbc.sql("""
				SELECT body FROM notification_message WHERE recipient_username = 'citizen' AND link = ? AND title = '您的办件已受理'""")
				.param("/cases/" + id).query(String.class).single();
		assertThat(message).startsWith("办件编号 " + number + "：");
	}

	@Test
	void concurrentSubmissionsGetDistinctNumbers() throws Exception {
		int n = 8;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<String> numbers = new ArrayList<>();
		try {
			List<Callable<String>> calls = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				String note = "并发编号 " + i;
				calls.add(() -> submit(note).get("number").asString());
			}
			for (Future<String> f : pool.invokeAll(calls)) {
				numbers.add(f.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(new HashSet<>(numbers)).hasSize(n);
		assertThat(numbers).allMatch(x -> x.matches("2026-\\d{6}"));
		long last = jdbc.sql("SELECT last_value FROM cases_number_counter WHERE year = 2026").query(Long.class).single();
		assertThat(numbers.stream().mapToLong(x -> Long.parseLong(x.substring(5)))).allMatch(s -> s >= 1 && s <= last);
	}

	/** The year is the submission's in the product's clock (Asia/Shanghai), and each year counts afresh. */
	@Test
	void theYearIsTheSubmissionsInTheClocksZone() throws Exception {
		try {
			// 31 December 2026, 23:30 in Shanghai (15:30 UTC): still 2026
			clock.travelTo(LocalDateTime.of(2026, 12, 31, 23, 30));
			assertThat(submit("年末").get("number").asString()).startsWith("2026-");
			// 1 January 2027, 00:30 in Shanghai, still 31 December in UTC: 2027
			clock.travelTo(LocalDateTime.of(2027, 1, 1, 0, 30));
			String first = submit("年初").get("number").asString();
			String second = submit("年初").get("number").asString();
			assertThat(first).startsWith("2027-");
			assertThat(Long.parseLong(second.substring(5))).isGreaterThan(Long.parseLong(first.substring(5)));
			long last2027 = jdbc.sql("SELECT last_value FROM cases_number_counter WHERE year = 2027").query(Long.class)
					.single();
			assertThat(last2027).isLessThan(jdbc.sql("SELECT last_value FROM cases_number_counter WHERE year = 2026")
					.query(Long.class).single());
		}
		finally {
			clock.reset();
		}
		assertThat(CaseNumbers.format(2026, 123)).isEqualTo("2026-000123");
		assertThat(CaseNumbers.format(2026, 1234567)).isEqualTo("2026-1234567");
	}

	@Test
	void everySubmittedCaseHasANumberAndEveryNumberIsUnique() {
		assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE submitted_at IS NOT NULL AND case_number IS NULL")
				.query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM cases_case WHERE submitted_at IS NULL AND case_number IS NOT NULL")
				.query(Long.class).single()).isZero();
	}

	@Test
	void anyoneWithNumberAndCodeSeesTheProgressAndNothingPersonal() throws Exception {
		JsonNode receipt = submit("<b>私密说明</b>");
		String number = receipt.get("number").asString();
		String code = receipt.get("queryCode").asString();
		String ip = randomIp();
		String answer = mvc.perform(get("/api/public/cases/{number}", number).param("code", code).with(from(ip)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.number").value(number))
				.andExpect(jsonPath("$.status").value("SUBMITTED"))
				.andExpect(jsonPath("$.statusLabel").value("待受理"))
				.andExpect(jsonPath("$.step").value("受理"))
				.andExpect(jsonPath("$.submittedOn").value(clock.today().toString()))
				.andExpect(jsonPath("$.deadline").value(receipt.get("deadline").asString()))
				.andExpect(jsonPath("$.deadlineLabel").value("受理决定期限"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer).doesNotContain("张三").doesNotContain(CITIZEN_ID).doesNotContain("13800000000")
				.doesNotContain("私密说明").doesNotContain("citizen").doesNotContain(receipt.get("id").asString())
				.doesNotContain(code);
		// typed in lower case with spaces: the same case
		mvc.perform(get("/api/public/cases/{number}", number).param("code", code.toLowerCase().substring(0, 4) + " "
				+ code.toLowerCase().substring(4)).with(from(ip))).andExpect(status().isOk());
		// anonymous, with no session: the page
		String page = mvc.perform(post("/track").param("number", number).param("code", code).with(csrf()).with(from(ip)))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(number).contains("待受理").contains("受理决定期限").doesNotContain("张三")
				.doesNotContain(CITIZEN_ID).doesNotContain("私密说明");
	}

	@Test
	void aWrongCodeIsAnsweredExactlyAsAnUnknownNumber() throws Exception {
		JsonNode receipt = submit("查询码");
		String number = receipt.get("number").asString();
		String code = receipt.get("queryCode").asString();
		String wrong = code.charAt(0) == 'A' ? "B" + code.substring(1) : "A" + code.substring(1);
		String ip = randomIp();
		String wrongCode = notFound(number, wrong, ip);
		String unknown = notFound("1999-000001", code, ip);
		String noCode = notFound(number, null, ip);
		String malformed = notFound("abc", "<script>", ip);
		assertThat(strip(wrongCode)).isEqualTo(strip(unknown)).isEqualTo(strip(noCode)).isEqualTo(strip(malformed))
				.contains("未找到与该办件编号和查询码相符的办件");
		// the page: the same 404 and message for both
		String wrongPage = mvc.perform(post("/track").param("number", number).param("code", wrong).with(csrf()).with(from(ip)))
				.andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String unknownPage = mvc.perform(post("/track").param("number", "1999-000001").param("code", code).with(csrf())
				.with(from(ip))).andExpect(status().isNotFound()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(wrongPage).contains("未找到与该办件编号和查询码相符的办件").doesNotContain("track-result");
		assertThat(samePage(unknownPage, "1999-000001")).isEqualTo(samePage(wrongPage, number));
	}

	/** A page without what differs by request: the number typed and the CSRF token. */
	private static String samePage(String page, String number) {
		return page.replace(number, "{number}").replaceAll("value=\"[^\"]*\"(?=[^>]*name=\"_csrf\")|(?<=name=\"_csrf\" )value=\"[^\"]*\"", "")
				.replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\">", "");
	}

	private String notFound(String number, String code, String ip) throws Exception {
		var request = get("/api/public/cases/{number}", number).with(from(ip));
		if (code != null) {
			request.param("code", code);
		}
		return mvc.perform(request).andExpect(status().isNotFound())
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	/** The problem without its instance (the path asked for). */
	private static String strip(String problem) {
		return problem.replaceAll("\"instance\":\"[^\"]*\",?", "");
	}

	@Test
	void whatIsTypedIsEscapedOnThePage() throws Exception {
		String page = mvc.perform(post("/track").param("number", "<script>alert(1)</script>").param("code", "x")
				.with(csrf()).with(from(randomIp()))).andExpect(status().isNotFound()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
		String form = mvc.perform(get("/track").param("number", "\"><img src=x onerror=alert(1)>"))
				.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).doesNotContain("<img src=x").contains("&lt;img src=x");
	}

	@Test
	void lookupsAreRateLimitedPerAddress() throws Exception {
		JsonNode receipt = submit("限流");
		String number = receipt.get("number").asString();
		String code = receipt.get("queryCode").asString();
		String ip = randomIp();
		// found or not, every lookup counts: guessing codes costs the same as reading
		for (int i = 0; i < 30; i++) {
			mvc.perform(get("/api/public/cases/{number}", number).param("code", i % 2 == 0 ? code : "AAAAAAAA")
					.with(from(ip))).andExpect(status().is(i % 2 == 0 ? 200 : 404));
		}
		mvc.perform(get("/api/public/cases/{number}", number).param("code", code).with(from(ip)))
				.andExpect(status().isTooManyRequests())
				.andExpect(header().exists("Retry-After"))
				.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
				.andExpect(jsonPath("$.title").value("请求过于频繁"));
		mvc.perform(post("/track").param("number", number).param("code", code).with(csrf()).with(from(ip)))
				.andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
		// another address is not affected
		mvc.perform(get("/api/public/cases/{number}", number).param("code", code).with(from(randomIp())))
				.andExpect(status().isOk());
	}

	@Test
	void thePagesShowTheNumberAndLinkThePublicLookup() throws Exception {
		JsonNode receipt = submit("页面");
		String id = receipt.get("id").asString();
		String number = receipt.get("number").asString();
		String code = receipt.get("queryCode").asString();
		String form = mvc.perform(get("/track")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(form).contains("<label for=\"track-number\">办件编号</label>")
				.contains("<label for=\"track-code\">查询码</label>").contains("name=\"_csrf\"");
		String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		assertThat(home).contains("href=\"/track\"").contains("凭办件编号和查询码查询办理进度");
		String detail = mvc.perform(get("/cases/{id}", id).with(basic("citizen"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(detail).contains(number).contains(code).contains("/track?number=" + number)
				.contains("凭办件编号和查询码查询办理进度");
		String list = mvc.perform(get("/cases").with(basic("citizen"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(list).contains(number);
		String work = mvc.perform(get("/work/cases/{id}", id).with(basic("clerk"))).andExpect(status().isOk())
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(work).contains(number).contains(code);
		// every line of a work list carries its number
		mvc.perform(get("/api/worklist").with(basic("clerk"))).andExpect(status().isOk())
				.andExpect(jsonPath("$.tasks[*].number", org.hamcrest.Matchers.everyItem(
						org.hamcrest.Matchers.matchesPattern(NUMBER))));
		String worklist = mvc.perform(get("/work").with(basic("clerk"))).andExpect(status().isOk()).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(worklist).contains("<th scope=\"col\">办件编号</th>");
	}
}
