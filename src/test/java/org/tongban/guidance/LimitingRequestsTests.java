package org.tongban.guidance;

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
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.tongban.shared.RateLimits;
import org.tongban.support.TestClock;

/**
 * The assistant and the search are limited per address (here at the production default of 30 questions a
 * minute, and 5 searches); the limits are counted in PostgreSQL and the clock is the product's.
 */
@SpringBootTest(properties = { "tongban.rate-limits.assistant.capacity=30", "tongban.rate-limits.search.capacity=5",
		"tongban.rate-limits.sign-in.capacity=3" })
@AutoConfigureMockMvc
class LimitingRequestsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	GuideSearch search;

	@Autowired
	TestClock clock;

	@Autowired
	RateLimits rateLimits;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void indexed() throws Exception {
		search.awaitIdle(5, TimeUnit.MINUTES);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	static String randomAddress() {
		UUID u = UUID.randomUUID();
		return "10." + (u.hashCode() & 0xff) + "." + ((u.hashCode() >> 8) & 0xff) + "." + ((u.hashCode() >> 16) & 0xff);
	}

	static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private ResultActions ask(String address) throws Exception {
		return mvc.perform(post("/api/assistant/ask").with(from(address)).contentType(MediaType.APPLICATION_JSON)
			.content("{\"question\": \"护士证怎么办\"}"));
	}

	@Test
	void theThirtyFirstQuestionFromOneAddressWithinTheMinuteGets429WithRetryAfterAndTheNextMinuteAdmitsAgain()
			throws Exception {
		String address = randomAddress();
		for (int i = 0; i < 30; i++) {
			ask(address).andExpect(status().isOk());
		}
		String retryAfter = ask(address).andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith("application/problem+json"))
			.andExpect(jsonPath("$.title").value("请求过于频繁"))
			.andExpect(jsonPath("$.type").value("https://tongban.org/problems/rate-limited"))
			.andReturn().getResponse().getHeader("Retry-After");
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
		// another address is not affected
		ask(randomAddress()).andExpect(status().isOk());
		// the page's form counts against the same limit and answers with the page and the message
		String page = mvc.perform(post("/assistant").with(from(address)).with(csrf()).param("question", "护士证怎么办"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请求过于频繁，请").contains("后再试").contains("护士证怎么办");

		clock.travelTo(LocalDateTime.now(clock).plusSeconds(61));
		ask(address).andExpect(status().isOk());
	}

	@Test
	void searchPageAndApiShareALimitAndThePageSaysSoInChinese() throws Exception {
		String address = randomAddress();
		for (int i = 0; i < 3; i++) {
			mvc.perform(get("/api/search").param("q", "护士").with(from(address))).andExpect(status().isOk());
		}
		for (int i = 0; i < 2; i++) {
			mvc.perform(get("/search").param("q", "护士").with(from(address))).andExpect(status().isOk());
		}
		String page = mvc.perform(get("/search").param("q", "护士").with(from(address)).accept(MediaType.TEXT_HTML))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().exists("Retry-After"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("请求过于频繁");
		mvc.perform(get("/api/search").param("q", "护士").with(from(address)))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void aBucketIsDeletedOnceItIsFullAgainAndNotBefore() throws Exception {
		String address = randomAddress();
		ask(address).andExpect(status().isOk());
		rateLimits.removeExpired();
		assertThat(buckets(address)).isEqualTo(1);
		clock.travelTo(LocalDateTime.now(clock).plusSeconds(61));
		rateLimits.removeExpired();
		assertThat(buckets(address)).isZero();
	}

	private long buckets(String address) {
		return jdbc.sql("SELECT count(*) FROM shared_rate_limit_bucket WHERE id LIKE ?").param("assistant:%:" + address)
			.query(Long.class).single();
	}
}
