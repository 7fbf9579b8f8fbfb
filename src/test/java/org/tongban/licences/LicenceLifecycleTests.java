package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.tongban.cases.Case;
import org.tongban.cases.CommitmentBroken;
import org.tongban.notification.Inbox;

class LicenceLifecycleTests extends LicencesIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ExpiryWarnings expiry;

	@Autowired
	Inbox inbox;

	static MockHttpServletRequestBuilder action(Licence l, String action, String reason) {
		return post("/api/licences/" + l.number() + "/actions/" + action).contentType(MediaType.APPLICATION_JSON)
			.content(reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}");
	}

	@Test
	void anApproverSuspendsRestoresAndRevokesWithAReasonAndRevocationIsFinal() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		mvc.perform(action(l, "suspend", null).with(basic("approver"))).andExpect(status().isBadRequest());
		mvc.perform(action(l, "suspend", "现场检查不合格").with(basic("approver"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUSPENDED"));
		mvc.perform(action(l, "restore", "整改完成").with(basic("approver"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VALID"));
		mvc.perform(action(l, "revoke", "以欺骗手段取得").with(basic("approver"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"));
		mvc.perform(action(l, "restore", "想恢复").with(basic("approver"))).andExpect(status().isConflict());
		assertThat(licences.history(l.number())).extracting(LicenceHistoryEntry::action)
			.containsExactly("ISSUE", "SUSPEND", "RESTORE", "REVOKE");
		assertThat(licences.history(l.number()).get(1).actor()).isEqualTo("approver");
		assertThat(licences.history(l.number()).get(1).reason()).isEqualTo("现场检查不合格");
	}

	@Test
	void clerksAndApplicantsMayNotActOnLicences() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		mvc.perform(action(l, "suspend", "试试").with(basic("clerk"))).andExpect(status().isForbidden());
		mvc.perform(action(l, "revoke", "试试").with(basic("citizen"))).andExpect(status().isForbidden());
		assertThat(licences.find(l.number()).orElseThrow().storedStatus()).isEqualTo(LicenceStatus.VALID);
	}

	@Test
	void anotherHoldersLicenceIsNotFound() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		mvc.perform(get("/api/licences/" + l.number()).with(basic("enterprise"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/licences/" + l.number() + "/pdf").with(basic("enterprise")))
			.andExpect(status().isNotFound());
		mvc.perform(get("/api/licences/" + l.number()).with(basic("citizen"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.holderId").value(CITIZEN_ID));
		mvc.perform(get("/api/licences/" + l.number()).with(basic("clerk"))).andExpect(status().isOk());
		String mine = mvc.perform(get("/api/licences").with(basic("enterprise"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(mine).doesNotContain(l.number());
	}

	@Test
	void staffSearchTheRegisterAndExportIt() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		mvc.perform(get("/api/licences").param("q", l.number()).with(basic("inspector"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].number").value(l.number()))
			.andExpect(jsonPath("$.items[0].itemCode").value("PD-WJW-XK-023"))
			.andExpect(jsonPath("$.items[0].holderName").value("张三"))
			.andExpect(jsonPath("$.items[0].status").value("VALID"))
			.andExpect(jsonPath("$.items[0].validFrom").value(l.validFrom().toString()));
		// the whole register, without a search: the newest licences first
		mvc.perform(get("/api/licences").param("size", "200").with(basic("leader"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].number", org.hamcrest.Matchers.hasItem(l.number())));
		mvc.perform(get("/licences").with(basic("leader"))).andExpect(status().isOk());
		byte[] xlsx = mvc.perform(get("/licences/export.xlsx").param("q", l.number()).with(basic("leader")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo(l.number());
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(1);
		}
		mvc.perform(get("/licences").with(basic("citizen"))).andExpect(status().isForbidden());
		String page = mvc.perform(get("/licences/mine").with(basic("citizen"))).andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains(l.number());
	}

	@Test
	void aBrokenCommitmentRevokesTheLicenceOfThatCase() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-023", "NEW");
		Case c = caseRecords.find(new org.tongban.cases.CaseId(l.caseId())).orElseThrow();
		tx.executeWithoutResult(s -> events.publishEvent(new CommitmentBroken(c.id(), c.itemCode(), c.applicant(),
				"承诺的场地条件不实", "inspector", clock.instant())));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> licences.find(l.number()).orElseThrow().storedStatus() == LicenceStatus.REVOKED);
		assertThat(licences.history(l.number())).last().satisfies(h -> {
			assertThat(h.action()).isEqualTo("REVOKE");
			assertThat(h.actor()).isEqualTo("inspector");
		});
	}

	@Test
	void changeRenewalReissueAndCancellationCasesActOnTheNamedLicence() throws Exception {
		Licence l = grantAndAwait(apply("citizen", "PD-WJW-XK-023", "NEW", Map.of()), Instant.parse("2026-01-10T02:00:00Z"));
		assertThat(l.validUntil()).isEqualTo(LocalDate.of(2029, 1, 9));

		Case change = apply("citizen", "PD-WJW-XK-023", "CHANGE", Map.of("licenceNumber", l.number(), "scope", "婚前医学检查（变更后）"));
		decide(change, true, clock.instant());
		await().atMost(Duration.ofSeconds(20)).until(() -> licences.find(l.number()).orElseThrow().scope().equals("婚前医学检查（变更后）"));
		Licence changed = licences.find(l.number()).orElseThrow();
		assertThat(changed.signedData()).isEqualTo(CanonicalForm.of(changed)).contains("变更后");
		assertThat(licences.forCase(change.id())).isEmpty();

		Case renew = apply("citizen", "PD-WJW-XK-023", "RENEW", Map.of("licenceNumber", l.number()));
		decide(renew, true, clock.instant());
		await().atMost(Duration.ofSeconds(20)).until(() -> LocalDate.of(2032, 1, 9).equals(licences.find(l.number()).orElseThrow().validUntil()));

		Case reissue = apply("citizen", "PD-WJW-XK-023", "REISSUE", Map.of("licenceNumber", l.number()));
		decide(reissue, true, clock.instant());
		await().atMost(Duration.ofSeconds(20)).until(() -> !licences.find(l.number()).orElseThrow().checkCode().equals(l.checkCode()));
		mvc.perform(get("/api/verify/" + l.number()).param("c", l.checkCode()).with(from(randomIp())))
			.andExpect(status().isNotFound());

		Case cancel = apply("citizen", "PD-WJW-XK-023", "CANCEL", Map.of("licenceNumber", l.number()));
		decide(cancel, true, clock.instant());
		await().atMost(Duration.ofSeconds(20)).until(() -> licences.find(l.number()).orElseThrow().storedStatus() == LicenceStatus.CANCELLED);
		assertThat(licences.history(l.number())).extracting(LicenceHistoryEntry::action)
			.containsExactly("ISSUE", "CHANGE", "RENEW", "REISSUE", "CANCEL");
	}

	@Test
	void holdersAreWarnedOnceAt90AndAt30DaysAndTheLicenceExpiresAfterItsLastDay() throws Exception {
		Licence l = grantAndAwait(apply("citizen", "PD-WJW-XK-023", "NEW", Map.of()), Instant.parse("2023-05-01T02:00:00Z"));
		LocalDate last = l.validUntil();
		assertThat(last).isEqualTo(LocalDate.of(2026, 4, 30));
		long before = warnings(l);
		expiry.run(last.minusDays(91));
		assertThat(warnings(l)).isEqualTo(before);
		expiry.run(last.minusDays(90));
		expiry.run(last.minusDays(89));
		assertThat(warnings(l)).isEqualTo(before + 1);
		expiry.run(last.minusDays(30));
		expiry.run(last.minusDays(30));
		assertThat(warnings(l)).isEqualTo(before + 2);
		assertThat(l.status(last)).isEqualTo(LicenceStatus.VALID);
		assertThat(l.status(last.plusDays(1))).isEqualTo(LicenceStatus.EXPIRED);
	}

	private long warnings(Licence l) {
		return inbox.messagesFor("citizen", null, 1000).stream()
			.filter(m -> m.body().contains(l.number()))
			.count();
	}
}
