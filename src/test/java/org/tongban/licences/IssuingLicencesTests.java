package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.cases.Case;

class IssuingLicencesTests extends LicencesIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LicenceStore store;

	@Test
	void aGrantIssuesTheItemsLicenceWithNumberHolderScopeAndValidity() throws Exception {
		Case c = apply("citizen", "PD-WJW-XK-023", "NEW", Map.of("note", "婚前检查"));
		Instant decided = Instant.parse("2026-03-31T17:30:00Z"); // 1 April in Shanghai
		Licence l = grantAndAwait(c, decided);

		assertThat(l.number()).matches("沪浦母婴许字（2026）第\\d{4}号");
		assertThat(l.name()).isEqualTo("母婴保健技术服务执业许可证");
		assertThat(l.holderName()).isEqualTo("张三");
		assertThat(l.holderIdType()).isEqualTo("RESIDENT_ID");
		assertThat(l.holderId()).isEqualTo(CITIZEN_ID);
		assertThat(l.owner()).isEqualTo("citizen");
		assertThat(l.scope()).isEqualTo(c.itemName() + "（" + c.situationName() + "）");
		assertThat(l.validFrom()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(l.validUntil()).isEqualTo(LocalDate.of(2029, 3, 31));
		assertThat(l.issuedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
		assertThat(l.authority()).isEqualTo("上海市浦东新区卫生健康委员会");
		assertThat(l.storedStatus()).isEqualTo(LicenceStatus.VALID);
		assertThat(l.checkCode()).matches("[A-Z2-7]{8}");
		assertThat(l.signedData()).isEqualTo(CanonicalForm.of(l));
		assertThat(licences.history(l.number())).extracting(LicenceHistoryEntry::action).containsExactly("ISSUE");
	}

	@Test
	void anItemWithoutExpiryHasNoLastValidDayAndTheScopeFieldWins() throws Exception {
		Licence l = grantAndAwait(apply("citizen", "PD-WJW-XK-009", "NEW", Map.of("scope", "内科专业")), clock.instant());
		assertThat(l.number()).matches("\\d{15}");
		assertThat(l.validUntil()).isNull();
		assertThat(l.scope()).isEqualTo("内科专业");
		assertThat(l.status(LocalDate.of(2100, 1, 1))).isEqualTo(LicenceStatus.VALID);
	}

	@Test
	void anEnterpriseIsTheHolderByItsCreditCode() throws Exception {
		Licence l = issue("enterprise", "PD-WJW-XK-025", "NEW");
		assertThat(l.holderKind()).isEqualTo(Licence.HolderKind.ENTERPRISE);
		assertThat(l.holderIdType()).isEqualTo("USCC");
		assertThat(l.holderId()).isEqualTo(ENTERPRISE_USCC);
		assertThat(l.publicHolderName()).isEqualTo(l.holderName());
	}

	@Test
	void theSameDecisionTwiceIssuesOneLicence() throws Exception {
		Case c = apply("citizen", "PD-WJW-XK-023", "NEW", Map.of());
		Licence first = grantAndAwait(c, clock.instant());
		decide(c, true, clock.instant());
		// the second delivery is complete once the registry has no incomplete publication left for it
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + c.id() + "%").query(Long.class).single() == 0);
		assertThat(jdbc.sql("SELECT count(*) FROM licences_licence WHERE case_id = ?").param(c.id().value())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(licences.forCase(c.id())).contains(first);
	}

	@Test
	void aDenialIssuesNothing() throws Exception {
		Case c = apply("citizen", "PD-WJW-XK-023", "NEW", Map.of());
		decide(c, false, clock.instant());
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + c.id() + "%").query(Long.class).single() == 0);
		assertThat(licences.forCase(c.id())).isEmpty();
	}

	@Test
	void numbersFollowThePatternAndConcurrentIssuesNeverCollide() throws Exception {
		String pattern = "测试证字（{yyyy}）第{seq:3}号-" + java.util.UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Long>> calls = java.util.stream.IntStream.range(0, 40)
				.<Callable<Long>>mapToObj(i -> () -> store.nextSequence(pattern, 2026)).toList();
			List<Long> values = pool.invokeAll(calls).stream().map(f -> {
				try {
					return f.get();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}).toList();
			assertThat(values).doesNotHaveDuplicates().hasSize(40);
			assertThat(values).containsExactlyInAnyOrderElementsOf(
					java.util.stream.LongStream.rangeClosed(1, 40).boxed().toList());
		}
		finally {
			pool.shutdown();
		}
		assertThat(LicenceNumbers.format("沪浦卫公字（{yyyy}）第{seq:5}号", 2026, 42)).isEqualTo("沪浦卫公字（2026）第00042号");
		assertThat(LicenceNumbers.format("{seq:8}310115D", 2026, 7)).isEqualTo("00000007310115D");
		assertThat(LicenceNumbers.format("{yyyy}31{seq:6}", 2027, 123)).isEqualTo("202731000123");
	}

	@Test
	void successiveLicencesOfAnItemGetSuccessiveNumbers() throws Exception {
		Licence a = issue("citizen", "PD-WJW-XK-023", "NEW");
		Licence b = issue("citizen", "PD-WJW-XK-023", "NEW");
		int na = Integer.parseInt(a.number().replaceAll(".*第(\\d+)号", "$1"));
		int nb = Integer.parseInt(b.number().replaceAll(".*第(\\d+)号", "$1"));
		assertThat(nb).isGreaterThan(na);
	}

	@Test
	void personsNamesAreMasked() {
		assertThat(Licence.maskPersonName("张三")).isEqualTo("张*");
		assertThat(Licence.maskPersonName("张小三")).isEqualTo("张*三");
		assertThat(Licence.maskPersonName("欧阳小明")).isEqualTo("欧**明");
		assertThat(Licence.maskPersonName("张")).isEqualTo("*");
	}

	@Test
	void situationsAreReadAsChangesRenewalsCancellationsAndReissues() {
		assertThat(LicenceIssuing.kindOf("NEW", "首次申请")).isEqualTo(LicenceIssuing.Kind.NEW);
		assertThat(LicenceIssuing.kindOf("CHANGE", "变更")).isEqualTo(LicenceIssuing.Kind.CHANGE);
		assertThat(LicenceIssuing.kindOf("RENEW", "延续")).isEqualTo(LicenceIssuing.Kind.RENEW);
		assertThat(LicenceIssuing.kindOf("EXTEND", "延期")).isEqualTo(LicenceIssuing.Kind.RENEW);
		assertThat(LicenceIssuing.kindOf("CANCEL", "注销注册")).isEqualTo(LicenceIssuing.Kind.CANCEL);
		assertThat(LicenceIssuing.kindOf("REISSUE", "补证")).isEqualTo(LicenceIssuing.Kind.REISSUE);
		assertThat(LicenceIssuing.kindOf("X1", "遗失补办")).isEqualTo(LicenceIssuing.Kind.REISSUE);
		assertThat(LicenceIssuing.kindOf("VALIDATE", "校验")).isEqualTo(LicenceIssuing.Kind.NONE);
	}

	static LocalDate shanghai(Instant i) {
		return LocalDate.ofInstant(i, ZoneId.of("Asia/Shanghai"));
	}
}
