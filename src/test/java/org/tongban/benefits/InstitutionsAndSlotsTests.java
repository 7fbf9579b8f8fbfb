package org.tongban.benefits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.tongban.shared.Problem;

import tools.jackson.databind.JsonNode;

/**
 * Where programmes are delivered: the owning division lists institutions and opens slots; residents book a place
 * among the institutions serving their street/town; places are never overbooked, and come back when a booking is
 * cancelled or declined; staff record the service done, and the dashboard counts it by street and over the weeks.
 */
class InstitutionsAndSlotsTests extends BenefitsIntegrationTest {

	private static final String ELDERLY = "/api/benefits/programmes/ELDERLY_HEALTH_CHECK";

	@Autowired
	Entitlements entitlements;

	@Autowired
	Dashboard dashboard;

	/** A fresh institution of the elderly health check serving {@code street}, added by 基层处 through the API. */
	private String institution(String street) throws Exception {
		JsonNode added = send(basic("primary"), ELDERLY + "/institutions", """
				{"name": "测试站%s", "street": "%s", "address": "浦东新区测试路 1 号", "phone": "021-58881234"}"""
			.formatted(UUID.randomUUID().toString().substring(0, 8), street), 201);
		assertThat(added.get("street").asString()).isEqualTo(street);
		assertThat(added.get("open").asBoolean()).isTrue();
		return added.get("id").asString();
	}

	private List<String> open(String institution, LocalDate from, LocalDate to, String bands, int capacity) throws Exception {
		JsonNode opened = send(basic("primary"), ELDERLY + "/institutions/" + institution + "/slots", """
				{"from": "%s", "to": "%s", "bands": %s, "capacity": %d}""".formatted(from, to, bands, capacity), 201);
		List<String> ids = new ArrayList<>();
		opened.get("slots").forEach(s -> ids.add(s.get("id").asString()));
		return ids;
	}

	private int booked(String slot) {
		return jdbc.sql("SELECT booked FROM benefits_slot WHERE id = ?").param(UUID.fromString(slot)).query(Integer.class).single();
	}

	/** An elderly health-check offer made directly (as a match makes it) for a fresh person of {@code street}. */
	private UUID offer(String idNumber, String street) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO benefits_entitlement (id, programme_code, id_number, cycle, status, rule_version, street, age_band,
				                                  created_at, notified_at)
				VALUES (?, 'ELDERLY_HEALTH_CHECK', ?, 2026, 'NOTIFIED', 1, ?, '65+', now(), now())""")
			.params(id, idNumber, street).update();
		return id;
	}

	private static JsonNode offerOf(JsonNode mine, String programme) {
		for (JsonNode o : mine.get("items")) {
			if (o.get("programme").asString().equals(programme)) {
				return o;
			}
		}
		throw new AssertionError("no offer of " + programme);
	}

	@Test
	void staffListAddOpenAndCloseInstitutionsOfTheirOwnProgrammesOnly() throws Exception {
		String id = institution("合庆镇");
		JsonNode list = read(basic("primary"), ELDERLY + "/institutions?street=合庆镇", 200);
		List<String> names = new ArrayList<>();
		list.get("items").forEach(i -> names.add(i.get("name").asString()));
		assertThat(names).contains("合庆镇社区卫生服务中心").noneMatch(n -> n.startsWith("周浦镇"));

		// 2026-06-19 is a Friday (the Dragon Boat Festival), 06-20/21 the weekend: working days only
		List<String> slots = open(id, LocalDate.of(2026, 6, 18), LocalDate.of(2026, 6, 23), "[\"上午\", \"下午\"]", 5);
		JsonNode detail = read(basic("primary"), ELDERLY + "/institutions/" + id, 200);
		List<String> days = new ArrayList<>();
		detail.get("slots").forEach(s -> days.add(s.get("date").asString() + s.get("band").asString()));
		assertThat(days).containsExactly("2026-06-18上午", "2026-06-18下午", "2026-06-22上午", "2026-06-22下午",
				"2026-06-23上午", "2026-06-23下午");
		assertThat(slots).hasSize(6);
		JsonNode again = send(basic("primary"), ELDERLY + "/institutions/" + id + "/slots",
				"{\"from\": \"2026-06-22\", \"to\": \"2026-06-24\", \"bands\": [\"上午\"], \"capacity\": 9}", 201);
		assertThat(again.get("created").asInt()).as("06-24 only").isEqualTo(1);
		assertThat(again.get("skipped").asInt()).isEqualTo(2);

		JsonNode bad = send(basic("primary"), ELDERLY + "/institutions", """
				{"name": "", "street": "火星镇", "address": "", "phone": "打电话"}""", 400);
		assertThat(bad.toString()).contains("name").contains("street").contains("address").contains("phone").contains("请填写机构名称");
		JsonNode badSlots = send(basic("primary"), ELDERLY + "/institutions/" + id + "/slots",
				"{\"from\": \"2026-06-15\", \"to\": \"2026-06-10\", \"bands\": [\"晚上\"], \"capacity\": 0}", 400);
		assertThat(badSlots.toString()).contains("\"from\"").contains("\"bands\"").contains("\"capacity\"").contains("今天");
		send(basic("primary"), ELDERLY + "/institutions", """
				{"name": "合庆镇社区卫生服务中心", "street": "合庆镇", "address": "某路", "phone": "021-58880000"}""", 400);

		// another division, other staff, residents
		read(basic("family"), ELDERLY + "/institutions", 404);
		read(basic("biomed"), ELDERLY + "/institutions/" + id, 404);
		send(basic("publichealth"), ELDERLY + "/institutions/" + id + "/close", "", 404);
		send(basic("family"), ELDERLY + "/institutions/" + id + "/slots", "{}", 404);
		read(basic("citizen"), ELDERLY + "/institutions", 403);
		send(basic("citizen"), ELDERLY + "/institutions", "{}", 403);
		send(basic("leader"), ELDERLY + "/institutions", "{}", 403);
		// an institution of another programme is not found under this one
		String screening = jdbc.sql("SELECT id FROM benefits_institution WHERE programme_code = 'TWO_CANCER_SCREENING' LIMIT 1")
			.query(String.class).single();
		read(basic("primary"), ELDERLY + "/institutions/" + screening, 404);

		assertThat(send(basic("primary"), ELDERLY + "/institutions/" + id + "/close", "", 200).get("open").asBoolean()).isFalse();
		send(basic("primary"), ELDERLY + "/institutions/" + id + "/close", "", 409);
		send(basic("primary"), ELDERLY + "/institutions/" + id + "/slots",
				"{\"from\": \"2026-07-01\", \"to\": \"2026-07-02\", \"capacity\": 3}", 409);
		assertThat(jdbc.sql("SELECT count(*) FROM identity_audit_entry WHERE action = 'BENEFITS_INSTITUTION_CLOSED' AND subject_id = ?")
			.param(id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aResidentBooksAPlaceAtAnInstitutionOfTheirStreetAndGetsItBackByCancellingOrDeclining() throws Exception {
		String id = person(LocalDate.of(1950, 5, 5), false, true, "曹路镇");
		String user = account(id);
		matcher.rematch(List.of(id));
		String mine = institution("曹路镇");
		String elsewhere = institution("唐镇");
		String closing = institution("曹路镇");
		String slot = open(mine, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 16), "[\"上午\"]", 2).get(0);
		String full = open(mine, LocalDate.of(2026, 6, 17), LocalDate.of(2026, 6, 17), "[\"下午\"]", 1).get(0);
		String otherStreet = open(elsewhere, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 16), "[]", 5).get(0);
		String atClosed = open(closing, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 16), "[\"全天\"]", 5).get(0);
		jdbc.sql("UPDATE benefits_slot SET booked = capacity WHERE id = ?").param(UUID.fromString(full)).update();
		send(basic("primary"), ELDERLY + "/institutions/" + closing + "/close", "", 200);

		JsonNode offer = offerOf(read(resident(user), "/api/benefits/mine", 200), "ELDERLY_HEALTH_CHECK");
		List<String> listed = new ArrayList<>();
		offer.get("places").forEach(p -> listed.add(p.get("slot").asString()));
		assertThat(listed).contains(slot).doesNotContain(full, otherStreet, atClosed);
		assertThat(offer.get("institutions").toString()).contains("曹路镇社区卫生服务中心").doesNotContain("唐镇");
		String oid = offer.get("id").asString();
		String book = "/api/benefits/mine/" + oid + "/book";

		JsonNode refused = send(resident(user), book, "{\"slot\": \"" + full + "\"}", 409);
		assertThat(refused.get("detail").asString()).contains("已约满");
		assertThat(send(resident(user), book, "{\"slot\": \"" + otherStreet + "\"}", 400).toString())
			.contains("只服务唐镇的居民").contains("\"slot\"");
		assertThat(send(resident(user), book, "{\"slot\": \"" + atClosed + "\"}", 409).get("detail").asString()).contains("已停止");
		send(resident(user), book, "{\"slot\": \"" + UUID.randomUUID() + "\"}", 400);
		send(basic("citizen"), book, "{\"slot\": \"" + slot + "\"}", 404);
		assertThat(booked(full)).isEqualTo(1);
		assertThat(booked(atClosed) + booked(otherStreet)).isZero();

		JsonNode done = send(resident(user), book, "{\"slot\": \"" + slot + "\"}", 200);
		assertThat(done.get("status").asString()).isEqualTo("BOOKED");
		assertThat(done.get("bookedSlot").asString()).isEqualTo(slot);
		assertThat(done.get("bookedBand").asString()).isEqualTo("上午");
		assertThat(booked(slot)).isEqualTo(1);
		send(resident(user), book, "{\"slot\": \"" + slot + "\"}", 409);
		assertThat(booked(slot)).isEqualTo(1);

		// someone else's booking cannot be cancelled; the person's own can, and the place comes back
		send(basic("citizen"), "/api/benefits/mine/" + oid + "/cancel", "", 404);
		send(basic("primary"), "/api/benefits/mine/" + oid + "/cancel", "", 403);
		assertThat(send(resident(user), "/api/benefits/mine/" + oid + "/cancel", "", 200).get("status").asString())
			.isEqualTo("NOTIFIED");
		assertThat(booked(slot)).isZero();
		send(resident(user), "/api/benefits/mine/" + oid + "/cancel", "", 409);

		// booked by institution and day, as before slots were data; then declined: the place comes back too
		JsonNode byName = send(resident(user), book, "{\"institution\": \"" + jdbc.sql("SELECT name FROM benefits_institution WHERE id = ?")
			.param(UUID.fromString(mine)).query(String.class).single() + "\", \"date\": \"2026-06-16\"}", 200);
		assertThat(byName.get("bookedSlot").asString()).isEqualTo(slot);
		assertThat(booked(slot)).isEqualTo(1);
		assertThat(send(resident(user), "/api/benefits/mine/" + oid + "/decline", "", 200).get("status").asString())
			.isEqualTo("DECLINED");
		assertThat(booked(slot)).isZero();
	}

	@Test
	void aSlotInThePastCannotBeBooked() throws Exception {
		String inst = institution("张江镇");
		List<String> slots = open(inst, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 18), "[\"上午\"]", 5);
		String idNumber = idNumber(LocalDate.of(1952, 2, 2), true);
		UUID oid = offer(idNumber, "张江镇");
		clock.travelTo(LocalDate.of(2026, 6, 17));
		Problem past = org.junit.jupiter.api.Assertions.assertThrows(Problem.class,
				() -> entitlements.book(oid, idNumber, UUID.fromString(slots.get(0)), null, null, null));
		assertThat(past.status().value()).isEqualTo(400);
		assertThat(past.errors().get(0).message()).contains("已不能预约");
		Problem today = org.junit.jupiter.api.Assertions.assertThrows(Problem.class,
				() -> entitlements.book(oid, idNumber, UUID.fromString(slots.get(1)), null, null, null));
		assertThat(today.status().value()).isEqualTo(400);
		assertThat(entitlements.book(oid, idNumber, UUID.fromString(slots.get(2)), null, null, null).status()).isEqualTo("BOOKED");
		assertThat(booked(slots.get(0)) + booked(slots.get(1))).isZero();
	}

	@Test
	void parallelBookingsNeverTakeMorePlacesThanTheSlotHas() throws Exception {
		String inst = institution("康桥镇");
		String slot = open(inst, LocalDate.of(2026, 6, 22), LocalDate.of(2026, 6, 22), "[\"下午\"]", 3).get(0);
		int people = 12;
		List<String> ids = new ArrayList<>();
		List<UUID> offers = new ArrayList<>();
		for (int i = 0; i < people; i++) {
			String idNumber = idNumber(LocalDate.of(1940 + i, 3, 3), i % 2 == 0);
			ids.add(idNumber);
			offers.add(offer(idNumber, "康桥镇"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(people);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<String>> results = new ArrayList<>();
			for (int i = 0; i < people; i++) {
				int n = i;
				Callable<String> booking = () -> {
					start.await();
					try {
						return entitlements.book(offers.get(n), ids.get(n), UUID.fromString(slot), null, null, null).status();
					}
					catch (Problem p) {
						return String.valueOf(p.status().value());
					}
				};
				results.add(pool.submit(booking));
			}
			start.countDown();
			List<String> answers = new ArrayList<>();
			for (Future<String> f : results) {
				answers.add(f.get());
			}
			assertThat(answers.stream().filter("BOOKED"::equals).count()).isEqualTo(3);
			assertThat(answers.stream().filter("409"::equals).count()).isEqualTo(people - 3);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(booked(slot)).isEqualTo(3);
		assertThat(jdbc.sql("SELECT count(*) FROM benefits_entitlement WHERE slot_id = ? AND status = 'BOOKED'")
			.param(UUID.fromString(slot)).query(Long.class).single()).isEqualTo(3);
	}

	@Test
	void staffMarkABookedOfferServedAndTheDashboardCountsItOverTheWeeks() throws Exception {
		String inst = institution("金桥镇");
		String slot = open(inst, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 16), "[\"上午\"]", 4).get(0);
		String idNumber = person(LocalDate.of(1951, 7, 7), true, true, "金桥镇");
		UUID oid = offer(idNumber, "金桥镇");
		String unbooked = idNumber(LocalDate.of(1953, 1, 1), false);
		UUID notBooked = offer(unbooked, "金桥镇");
		Programme elderly = programmes.get("ELDERLY_HEALTH_CHECK");
		Dashboard.Figures before = dashboard.of(elderly);
		entitlements.book(oid, idNumber, UUID.fromString(slot), null, null, null);

		String served = ELDERLY.replace("/institutions", "") + "/entitlements/" + oid + "/served";
		assertThat(send(basic("primary"), served, "{\"date\": \"2026-06-20\"}", 400).toString()).contains("不能晚于今天");
		assertThat(send(basic("primary"), served, "{\"date\": \"2026-06-14\"}", 400).toString()).contains("不能早于预约日");
		send(basic("family"), served, "{}", 404);
		send(basic("biomed"), served, "{}", 404);
		send(basic("citizen"), served, "{}", 403);
		send(basic("publichealth"), "/api/benefits/programmes/TWO_CANCER_SCREENING/entitlements/" + oid + "/served", "{}", 404);
		send(basic("primary"), ELDERLY + "/entitlements/" + notBooked + "/served", "{}", 409);
		JsonNode done = send(basic("primary"), served, "{}", 200);
		assertThat(done.get("status").asString()).isEqualTo("SERVED");
		assertThat(done.get("servedOn").asString()).isEqualTo("2026-06-15");
		assertThat(done.get("person").asString()).doesNotContain(idNumber.substring(6, 14));
		send(basic("primary"), served, "{}", 409);
		assertThat(jdbc.sql("SELECT count(*) FROM benefits_service WHERE id_number = ? AND kind = 'HEALTH_CHECK'")
			.param(idNumber).query(Long.class).single()).as("recorded in the service history").isEqualTo(1);
		JsonNode detail = read(basic("primary"), ELDERLY + "/institutions/" + inst, 200);
		assertThat(detail.get("bookings").get(0).get("status").asString()).isEqualTo("SERVED");

		Dashboard.Figures after = dashboard.of(elderly);
		assertThat(after.served() - before.served()).isEqualTo(1);
		assertThat(after.trend()).hasSize(Dashboard.WEEKS);
		Dashboard.Week thisWeek = after.trend().get(Dashboard.WEEKS - 1);
		Dashboard.Week thisWeekBefore = before.trend().get(Dashboard.WEEKS - 1);
		assertThat(thisWeek.monday()).isEqualTo(LocalDate.of(2026, 6, 15));
		assertThat(after.trend().get(0).monday()).isEqualTo(LocalDate.of(2026, 3, 30));
		assertThat(thisWeek.served() - thisWeekBefore.served()).isEqualTo(1);
		assertThat(thisWeek.booked() - thisWeekBefore.booked()).isEqualTo(1);
		assertThat(after.lines().stream().filter(l -> l.street().equals("金桥镇") && l.ageBand().equals("65+"))
			.mapToLong(Dashboard.Line::served).sum()).isPositive();

		String page = mvc.perform(get("/benefits").with(basic("primary"))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("trend-ELDERLY_HEALTH_CHECK").contains("2026-06-15").contains("服务机构和号源");
		byte[] xlsx = mvc.perform(get("/benefits/dashboard.xlsx").with(basic("primary"))).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheet("ELDERLY_HEALTH_CHECK");
			int trendAt = -1;
			for (Row row : sheet) {
				if (row.getCell(0) != null && row.getCell(0).toString().startsWith("近 12 周趋势")) {
					trendAt = row.getRowNum();
				}
			}
			assertThat(trendAt).as("the trend in the export").isPositive();
			Row last = sheet.getRow(trendAt + 1 + Dashboard.WEEKS);
			assertThat(last.getCell(0).getStringCellValue()).isEqualTo("2026-06-15");
			assertThat((long) last.getCell(3).getNumericCellValue()).isEqualTo(thisWeek.served());
		}
	}

	@Test
	void thePagesRefuseBadInputBesideItsField() throws Exception {
		String page = mvc.perform(post("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions").with(basic("primary")).with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("name", "页面测试站").param("street", "北蔡镇")
			.param("address", "").param("phone", "x"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("id=\"address-error\"").contains("id=\"phone-error\"").contains("value=\"页面测试站\"")
			.doesNotContain("id=\"name-error\"");
		String location = mvc.perform(post("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions").with(basic("primary")).with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("name", "页面测试站" + UUID.randomUUID().toString().substring(0, 6))
			.param("street", "北蔡镇").param("address", "北蔡路 1 号").param("phone", "021-58880001"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).contains("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions/").endsWith("?done=added");
		String id = location.replaceAll(".*/institutions/([0-9a-f-]+).*", "$1");
		String refused = mvc.perform(post("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions/" + id + "/slots")
			.with(basic("primary")).with(csrf()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("from", "2026-06-10").param("to", "2026-06-12").param("bands", "上午").param("capacity", "很多"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("id=\"capacity-error\"").contains("请填整数");
		mvc.perform(post("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions/" + id + "/slots").with(basic("family")).with(csrf())
			.param("from", "2026-06-16").param("to", "2026-06-16").param("capacity", "3")).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		mvc.perform(get("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions").with(basic("publichealth")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		mvc.perform(get("/benefits/programmes/ELDERLY_HEALTH_CHECK/institutions/" + id).with(basic("primary")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());

		// a resident's choice of a full slot comes back beside the choice; another's offer is not found
		String full = open(id, LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 16), "[\"上午\"]", 1).get(0);
		jdbc.sql("UPDATE benefits_slot SET booked = 1 WHERE id = ?").param(UUID.fromString(full)).update();
		String resident = person(LocalDate.of(1949, 9, 9), true, true, "北蔡镇");
		String user = account(resident);
		UUID offer = offer(resident, "北蔡镇");
		String mine = mvc.perform(post("/benefits/mine/" + offer + "/book").with(resident(user)).with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("slot", full))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(mine).contains("id=\"slot-ELDERLY_HEALTH_CHECK-error\"").contains("已约满");
		mvc.perform(post("/benefits/mine/" + offer + "/book").with(basic("citizen")).with(csrf())
			.contentType(MediaType.APPLICATION_FORM_URLENCODED).param("slot", full))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
		assertThat(booked(full)).isEqualTo(1);
	}
}
