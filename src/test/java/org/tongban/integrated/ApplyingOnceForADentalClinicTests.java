package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Case;
import org.tongban.cases.CaseDecided;
import org.tongban.cases.CaseId;
import org.tongban.cases.CaseRecords;
import org.tongban.cases.CaseStatus;
import org.tongban.licences.Licence;
import org.tongban.licences.LicenceStatus;
import org.tongban.licences.Licences;
import org.tongban.support.Applying;
import org.tongban.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * 一业一证 (plan tasks 9–10): a dental clinic with X-ray applies once — one form, each document once — and gets one
 * sub-case per permit, each an ordinary case of its division; when all are granted one integrated licence lists every
 * permit with its number. The decisions are published as handling publishes them.
 */
class ApplyingOnceForADentalClinicTests extends IntegratedIntegrationTest {

	static final String USCC = "91310115MA1K3Y4N2N";

	@Autowired
	TestClock clock;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	CaseRecords cases;

	@Autowired
	Licences licences;

	@Autowired
	IndustryEfficiency efficiency;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void oneSubmissionOpensACaseForEachPermitAndOneLicenceListsThemAll() throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		String key = UUID.randomUUID().toString();
		JsonNode first = json.readTree(mvc.perform(submission(key, merged, form(merged), "13800000001"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(first.get("status").asString()).isEqualTo("IN_PROGRESS");
		List<String> items = first.get("subCases").valueStream().map(s -> s.get("itemCode").asString()).toList();
		assertThat(items).containsExactly("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008");

		// each part is an ordinary submitted case of its item, with the shared documents under its own names
		for (JsonNode part : first.get("subCases")) {
			Case c = cases.find(new CaseId(UUID.fromString(part.get("caseId").asString()))).orElseThrow();
			assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
			assertThat(c.number()).isEqualTo(part.get("caseNumber").asString());
			assertThat(c.applicant().uscc()).isEqualTo(USCC);
			assertThat(c.form()).containsEntry("phone", "13800000001");
		}
		Case filing = subCase(first, "PD-WJW-BA-003");
		assertThat(filing.form()).containsEntry("clinicName", "上海浦东某某口腔诊所").containsEntry("dentalChairs", "3");
		assertThat(filing.materials()).extracting(m -> m.material()).contains("诊所备案信息表", "医疗废物处置协议");
		assertThat(subCase(first, "PD-WJW-XK-002").materials()).extracting(m -> m.material())
			.contains("放射诊疗许可申请表");

		// the same key again: the first application, no second set of cases; another request under it: 422
		JsonNode replay = json.readTree(mvc.perform(submission(key, merged, form(merged), "13800000001"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(replay.get("id").asString()).isEqualTo(first.get("id").asString());
		assertThat(jdbc.sql("SELECT count(*) FROM integrated_sub_case WHERE application_id = ?")
			.param(UUID.fromString(first.get("id").asString())).query(Long.class).single()).isEqualTo(3);
		mvc.perform(submission(key, merged, form(merged), "13800000002")).andExpect(status().isUnprocessableContent());

		Licence licence = grantAll(first);
		assertThat(licence.number()).startsWith("沪浦综许2026");
		assertThat(licence.holderId()).isEqualTo(USCC);
		// a common term of five years from the day of issue (统一有效期)
		assertThat(licence.validFrom()).isEqualTo(LocalDate.of(2026, 6, 15));
		assertThat(licence.validUntil()).isEqualTo(LocalDate.of(2031, 6, 14));
		assertThat(licence.particulars()).hasSize(3);
		Licence radiology = licences.forCase(subCase(first, "PD-WJW-XK-002").id()).orElseThrow();
		assertThat(licence.particular("part.PD-WJW-XK-002")).contains(radiology.number());

		// public verification shows each permit's own status
		JsonNode verified = json.readTree(mvc.perform(get("/api/verify/{n}", licence.number()).param("c", licence.checkCode()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(verified.get("parts")).hasSize(3);
		assertThat(verified.get("parts").valueStream().map(p -> p.get("statusLabel").asString()).toList())
			.allMatch(s -> s.equals("有效") || s.equals("已备案"));
	}

	@Test
	void theUnifiedValidityCountsFromTheDayOfIssueAcrossTheYearBoundary() throws Exception {
		clock.travelTo(LocalDateTime.of(2026, 12, 31, 10, 0));
		Licence licence = grantAll(apply(dentalWithXray()));
		assertThat(licence.validFrom()).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(licence.validUntil()).isEqualTo(LocalDate.of(2031, 12, 30));
	}

	/**
	 * Task 10 (改进“一业一证”线上申报功能) on the cockpit: the working days from submission to the integrated licence,
	 * counted as 《行政许可法》第八十二条 counts time limits — submitted on 30 September 2026, issued on 12 October: the
	 * National Day holiday (1–7 October) is not counted and the make-up Saturday of 10 October is, so 4 working days,
	 * not the 8 weekdays.
	 */
	@Test
	void theCockpitShowsTheWorkingDaysFromSubmissionToTheIntegratedLicence() throws Exception {
		IndustryPackage dental = packages.published("DENTAL_CLINIC").orElseThrow();
		int[] before = efficiency.days(dental);
		clock.travelTo(LocalDateTime.of(2026, 9, 30, 10, 0));
		JsonNode application = apply(dentalWithXray());
		clock.travelTo(LocalDateTime.of(2026, 10, 12, 10, 0));
		grantAll(application);

		int[] after = efficiency.days(dental);
		List<Integer> added = new java.util.ArrayList<>(java.util.Arrays.stream(after).boxed().toList());
		java.util.Arrays.stream(before).forEach(d -> added.remove(Integer.valueOf(d)));
		assertThat(added).containsExactly(4);

		JsonNode task = await().atMost(Duration.ofSeconds(20)).until(() -> json.readTree(mvc
			.perform(get("/api/reform/tasks/10").with(basic("leader"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8)), t -> t.get("indicators").valueStream()
				.anyMatch(i -> i.get("basis").asString().startsWith("已发证 " + after.length + " 件")));
		JsonNode figure = task.get("indicators").valueStream()
			.filter(i -> i.get("key").asString().equals("integrated.DENTAL_CLINIC.working-days")).findFirst().orElseThrow();
		assertThat(figure.get("label").asString()).startsWith("口腔诊所");
		assertThat(figure.get("unit").asString()).isEqualTo("个工作日");
		assertThat(figure.get("value").decimalValue()).isEqualByComparingTo(median(after));
		assertThat(mvc.perform(get("/reform").with(basic("leader"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("改革成效", "自提交综合申请至核发行业综合许可证");
	}

	static java.math.BigDecimal median(int[] sorted) {
		int n = sorted.length;
		return n % 2 == 1 ? java.math.BigDecimal.valueOf(sorted[n / 2])
				: java.math.BigDecimal.valueOf(sorted[n / 2 - 1] + sorted[n / 2]).divide(java.math.BigDecimal.valueOf(2));
	}

	@Test
	void aDeniedPartStopsTheLicenceAndTellsTheApplicantWhatTheyCanDo() throws Exception {
		JsonNode application = apply(dentalWithXray());
		decide(subCase(application, "PD-WJW-BA-003"), true);
		decide(subCase(application, "PD-WJW-XK-008"), false);
		JsonNode after = await().atMost(Duration.ofSeconds(20)).until(() -> read(application),
				a -> a.get("status").asString().equals("PART_DENIED"));
		JsonNode denied = after.get("subCases").valueStream()
			.filter(s -> s.get("itemCode").asString().equals("PD-WJW-XK-008")).findFirst().orElseThrow();
		assertThat(denied.get("reasons").asString()).isEqualTo("材料不符合要求");
		assertThat(denied.get("whatNext").asString()).contains("重新申请", "行政复议", "行政诉讼");
		assertThat(after.path("licenceNumber").isMissingNode() || after.path("licenceNumber").isNull()).isTrue();
	}

	@Test
	void aChangeOfLegalRepresentativeTouchesOnlyThePermitsCarryingIt() throws Exception {
		Licence licence = grantAll(apply(dentalWithXray()));
		JsonNode changed = json.readTree(act(licence, "CHANGE", Map.of("legalRepresentative", "王五"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		// the filing and the workers' card do not carry a legal representative: only the radiology permit changes
		assertThat(changed.get("subCases").valueStream().map(s -> s.get("itemCode").asString()).toList())
			.containsExactly("PD-WJW-XK-002");
		Case part = subCase(changed, "PD-WJW-XK-002");
		assertThat(part.situation()).isEqualTo("CHANGE");
		assertThat(part.form()).containsEntry("legalRepresentative", "王五")
			.containsEntry("licenceNumber", licence.particular("part.PD-WJW-XK-002").orElseThrow());
		decide(part, true);
		await().atMost(Duration.ofSeconds(20)).until(() -> read(changed).get("status").asString().equals("DONE"));
	}

	@Test
	void cancellingCancelsEveryPartAndACancelledLicenceCannotChange() throws Exception {
		Licence licence = grantAll(apply(dentalWithXray()));
		JsonNode cancel = json.readTree(act(licence, "CANCEL", Map.of()).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(cancel.get("subCases")).hasSize(3);
		for (JsonNode part : cancel.get("subCases")) {
			decide(cases.find(new CaseId(UUID.fromString(part.get("caseId").asString()))).orElseThrow(), true);
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> licences.find(licence.number()).orElseThrow().storedStatus(),
				s -> s == LicenceStatus.CANCELLED);
		mvc.perform(post("/api/integrated/licences/{n}/applications", licence.number())
			.contentType(MediaType.APPLICATION_JSON)
			.content(write(Map.of("kind", "CHANGE", "changes", Map.of("principal", "赵六"), "phone", "13800000004")))
			.header("Idempotency-Key", UUID.randomUUID().toString()).with(basic("enterprise")))
			.andExpect(status().isConflict());
		// and it stays held, cancelled, by the same enterprise: another enterprise or a citizen finds no such licence
		mvc.perform(post("/api/integrated/licences/{n}/applications", licence.number())
			.contentType(MediaType.APPLICATION_JSON).content(write(Map.of("kind", "REISSUE", "phone", "13800000004")))
			.header("Idempotency-Key", UUID.randomUUID().toString()).with(basic("citizen")))
			.andExpect(status().isForbidden());
	}

	@Test
	void wrongAndMissingFieldsAreNamedEachAndNothingIsOpened() throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		Map<String, Object> form = form(merged);
		form.remove("institutionName");
		form.put("chairs", "三台");
		form.put("principalIdNumber", "310115199002201223");
		String key = UUID.randomUUID().toString();
		String problem = mvc.perform(submission(key, merged, form, "13800000005")).andExpect(status().isBadRequest())
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(problem).contains("form.institutionName", "form.chairs", "form.principalIdNumber");
		assertThat(jdbc.sql("SELECT count(*) FROM integrated_application WHERE idempotency_key = ?").param(key)
			.query(Long.class).single()).isZero();

		// a text file named .pdf is refused by its content, beside its document
		MockMultipartHttpServletRequestBuilder disguised = submission(key, merged, form(merged), "13800000005",
				"enterprise", Map.of("PREMISES", "not a pdf at all".getBytes(StandardCharsets.UTF_8)));
		assertThat(mvc.perform(disguised).andExpect(status().isBadRequest()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8)).contains("documents.PREMISES");
	}

	@Test
	void onlyTheApplyingEnterpriseSeesItsApplication() throws Exception {
		JsonNode application = apply(dentalWithXray());
		String id = application.get("id").asString();
		mvc.perform(get("/api/integrated/applications/{id}", id).with(basic("citizen"))).andExpect(status().isNotFound());
		mvc.perform(get("/api/integrated/applications/{id}", id).with(basic("biomed"))).andExpect(status().isNotFound());
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		mvc.perform(submission(UUID.randomUUID().toString(), merged, form(merged), "13800000006", "citizen", Map.of()))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/integrated/applications/{id}", id)).andExpect(status().isUnauthorized());
	}

	// ---- helpers

	JsonNode apply(Map<String, Object> answers) throws Exception {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", answers);
		return json.readTree(mvc.perform(submission(UUID.randomUUID().toString(), merged, form(merged), "13800000000"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	/** Every field with its sample (or what the answers pre-fill). */
	static Map<String, Object> form(MergedApplication merged) {
		Map<String, Object> form = new LinkedHashMap<>();
		merged.fields().forEach(f -> {
			Object v = f.prefilled() != null ? f.prefilled() : f.sample();
			if (v != null) {
				form.put(f.name(), v);
			}
		});
		return form;
	}

	/** The multipart submission with a scan for every document the merged list asks to upload. */
	MockMultipartHttpServletRequestBuilder submission(String key, MergedApplication merged, Map<String, Object> form,
			String phone) throws Exception {
		return submission(key, merged, form, phone, "enterprise", Map.of());
	}

	/** The same scan for the same document within the run: a replay sends the same bytes. */
	static final Map<String, byte[]> SCANS = new java.util.concurrent.ConcurrentHashMap<>();

	static byte[] scan(String name) {
		return SCANS.computeIfAbsent(name, n -> {
			try {
				return Applying.scan(n);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		});
	}

	/** A change, renewal, cancellation or reissue with a scan for each document it needs. */
	org.springframework.test.web.servlet.ResultActions act(Licence licence, String kind, Map<String, Object> changes)
			throws Exception {
		var needed = mvc.perform(get("/api/integrated/licences/{n}/documents", licence.number()).param("kind", kind)
			.param("changed", changes.keySet().toArray(String[]::new)).with(basic("enterprise")));
		JsonNode documents = json.readTree(needed.andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		MockMultipartHttpServletRequestBuilder request = multipart("/api/integrated/licences/{n}/applications",
				licence.number());
		request.file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
				write(Map.of("kind", kind, "changes", changes, "phone", "13800000003")).getBytes(StandardCharsets.UTF_8)));
		for (JsonNode d : documents) {
			request.file(new MockMultipartFile("documents." + d.get("name").asString(), "scan.pdf", "application/pdf",
					scan(d.get("name").asString())));
		}
		return mvc.perform(request.header("Idempotency-Key", UUID.randomUUID().toString()).with(basic("enterprise")));
	}

	MockMultipartHttpServletRequestBuilder submission(String key, MergedApplication merged, Map<String, Object> form,
			String phone, String user, Map<String, byte[]> replaced) throws Exception {
		Map<String, Object> application = new LinkedHashMap<>();
		application.put("packageCode", merged.packageCode());
		application.put("answers", merged.answers());
		application.put("form", form);
		application.put("phone", phone);
		application.put("applicantName", "上海浦东示例口腔门诊部有限公司");
		MockMultipartHttpServletRequestBuilder request = multipart("/api/integrated/applications");
		request.file(new MockMultipartFile("application", "", MediaType.APPLICATION_JSON_VALUE,
				write(application).getBytes(StandardCharsets.UTF_8)));
		for (MergedApplication.MergedMaterial m : merged.materials()) {
			if (m.heldBy() == null || m.heldBy().isBlank()) {
				request.file(new MockMultipartFile("documents." + m.code(), m.code() + ".pdf", "application/pdf",
						replaced.getOrDefault(m.code(), scan(m.code()))));
			}
		}
		request.header("Idempotency-Key", key).with(basic(user));
		return request;
	}

	Case subCase(JsonNode application, String itemCode) {
		String id = application.get("subCases").valueStream().filter(s -> s.get("itemCode").asString().equals(itemCode))
			.findFirst().orElseThrow().get("caseId").asString();
		return cases.find(new CaseId(UUID.fromString(id))).orElseThrow();
	}

	/** Publishes a decision as handling does: inside a transaction, so the listeners run after commit. */
	void decide(Case c, boolean granted) {
		tx.executeWithoutResult(s -> events.publishEvent(new CaseDecided(c.id(), c.itemCode(), c.itemName(),
				c.situation(), c.situationName(), granted, c.applicant(), clock.instant(),
				granted ? null : "材料不符合要求", false, c.channel())));
	}

	JsonNode read(JsonNode application) throws Exception {
		return json.readTree(mvc.perform(get("/api/integrated/applications/{id}", application.get("id").asString())
			.with(basic("enterprise"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	/** Grants every part and waits for the integrated licence. */
	Licence grantAll(JsonNode application) throws Exception {
		for (JsonNode part : application.get("subCases")) {
			decide(cases.find(new CaseId(UUID.fromString(part.get("caseId").asString()))).orElseThrow(), true);
		}
		JsonNode done = await().atMost(Duration.ofSeconds(20)).until(() -> read(application),
				a -> a.get("status").asString().equals("DONE"));
		return licences.find(done.get("licenceNumber").asString()).orElseThrow();
	}
}
