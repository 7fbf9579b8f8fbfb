package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.tongban.integrated.MergedApplication.ApplicableItem;
import org.tongban.integrated.MergedApplication.MergedField;
import org.tongban.integrated.MergedApplication.MergedMaterial;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/** The questionnaire decides the items; the integrated form asks shared fields once; documents are merged. */
class MergingAnswersTests extends IntegratedIntegrationTest {

	@Test
	void aDentalClinicWithXrayGetsTheFilingTheRadiologyPermitAndTheWorkersCard() {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());

		assertThat(merged.items()).extracting(ApplicableItem::key).containsExactly("EXT-BUSINESS-LICENCE",
				"PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008", "EXT-RADIATION-SAFETY");
		assertThat(merged.internalItems()).extracting(ApplicableItem::situation).containsExactly("NEW_DENTAL",
				"NEW_DENTAL", "NEW");
		assertThat(merged.items()).filteredOn(ApplicableItem::external).extracting(ApplicableItem::authority)
				.containsExactly("浦东新区市场监督管理局", "浦东新区生态环境局");

		// the clinic's name is asked once and feeds all three permits
		MergedField name = field(merged, "institutionName");
		assertThat(name.items()).containsExactly("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008");
		assertThat(merged.fields()).extracting(MergedField::name).doesNotHaveDuplicates()
				.doesNotContain("physicianLicenceNumber", "nurseLicenceNumber");
		assertThat(field(merged, "chairs").prefilled()).isEqualTo("3");

		// the business licence, needed by three permits, is listed once
		MergedMaterial licence = material(merged, "BUSINESS-LICENCE");
		assertThat(licence.items()).containsExactly("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008");
		assertThat(merged.materials()).extracting(MergedMaterial::code).doesNotHaveDuplicates()
				.contains("CHAIRS-AND-STERILISERS").doesNotContain("STERILISATION-CONTRACT", "FEASIBILITY");
	}

	@Test
	void anItemAppliesOnlyWhenItsConditionHolds() {
		Map<String, Object> answers = new HashMap<>(dentalWithXray());
		answers.put("xray", false);
		answers.put("radiationStaffNew", false);
		answers.put("chairs", 6);
		answers.put("sterilisationOutsourced", true);
		answers.put("physicianTransfer", true);
		MergedApplication merged = packages.merge("DENTAL_CLINIC", answers);

		// six chairs make a dental outpatient department: set-up approval and registration instead of filing
		assertThat(merged.internalItems()).extracting(ApplicableItem::itemCode).containsExactly("PD-WJW-XK-006",
				"PD-WJW-XK-007", "PD-WJW-XK-009");
		assertThat(merged.fields()).extracting(MergedField::name).contains("physicianLicenceNumber")
				.doesNotContain("xrayEquipment", "radiationWorkerName");
		assertThat(merged.materials()).extracting(MergedMaterial::code).contains("STERILISATION-CONTRACT",
				"FEASIBILITY").doesNotContain("CHAIRS-AND-STERILISERS", "RADIATION-TESTS");
	}

	@Test
	void theElderlyCareSituationFollowsTheKindOfMedicalUnit() {
		Map<String, Object> answers = Map.of("beds", 120, "medicalUnit", "护理站", "medicalStaff", 3, "canteen", true);
		MergedApplication merged = packages.merge("ELDERLY_CARE", answers);
		assertThat(merged.internalItems()).singleElement().satisfies(item -> {
			assertThat(item.itemCode()).isEqualTo("PD-WJW-BA-005");
			assertThat(item.situation()).isEqualTo("NEW_NURSING_STATION");
		});
		assertThat(merged.items()).extracting(ApplicableItem::key).contains("EXT-FOOD");

		MergedApplication none = packages.merge("ELDERLY_CARE",
				Map.of("beds", 50, "medicalUnit", "不设医疗机构", "medicalStaff", 0, "canteen", false));
		assertThat(none.internalItems()).isEmpty();
		assertThat(none.fields()).isEmpty();
	}

	@Test
	void contradictoryAnswersAreRefusedWithTheMessage() {
		Map<String, Object> answers = new HashMap<>(dentalWithXray());
		answers.put("xray", false);
		answers.put("cbct", true);
		answers.put("radiationStaffNew", false);
		assertThatThrownBy(() -> packages.merge("DENTAL_CLINIC", answers)).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.status().value()).isEqualTo(400);
			assertThat(p.type()).isEqualTo("contradictory-answers");
			assertThat(p.getMessage()).contains("CBCT").contains("X 射线设备");
		});
	}

	@Test
	void missingAndWrongTypedAnswersAreEachNamed() {
		Map<String, Object> answers = new HashMap<>(dentalWithXray());
		answers.remove("nurseTransfer");
		answers.put("chairs", "三台");
		answers.put("xray", "maybe");
		answers.put("colour", "red");
		assertThatThrownBy(() -> packages.merge("DENTAL_CLINIC", answers)).isInstanceOfSatisfying(Problem.class, p -> {
			assertThat(p.status().value()).isEqualTo(400);
			assertThat(p.errors()).extracting(FieldMessage::field).containsExactlyInAnyOrder("nurseTransfer", "chairs",
					"xray", "colour");
			assertThat(p.errors()).filteredOn(e -> e.field().equals("chairs")).singleElement()
					.satisfies(e -> assertThat(e.message()).contains("1 至 30"));
		});
	}

	@Test
	void splitGivesEachItemItsOwnFieldNamesAndAChangeTouchesOnlyTheItemsCarryingTheField() {
		MergedApplication merged = packages.merge("DENTAL_CLINIC", dentalWithXray());
		Map<String, Map<String, Object>> split = packages.split(merged,
				Map.of("institutionName", "上海浦东某某口腔诊所", "chairs", "3", "radiationWorkerName", "赵六"));
		assertThat(split).containsOnlyKeys("PD-WJW-BA-003", "PD-WJW-XK-002", "PD-WJW-XK-008");
		assertThat(split.get("PD-WJW-BA-003")).containsEntry("clinicName", "上海浦东某某口腔诊所")
				.containsEntry("dentalChairs", "3").doesNotContainKey("workerName");
		assertThat(split.get("PD-WJW-XK-008")).containsEntry("employer", "上海浦东某某口腔诊所")
				.containsEntry("workerName", "赵六");

		IndustryPackage dental = packages.published("DENTAL_CLINIC").orElseThrow();
		// a new legal representative touches the permits that carry it, not the clinic filing
		assertThat(packages.itemsCarrying(dental, Set.of("legalRepresentative"))).containsExactlyInAnyOrder(
				"PD-WJW-XK-006", "PD-WJW-XK-007", "PD-WJW-XK-002");
		assertThat(packages.itemsCarrying(dental, Set.of("chairs"))).containsExactlyInAnyOrder("PD-WJW-BA-003",
				"PD-WJW-XK-006", "PD-WJW-XK-007");
	}

	private static MergedField field(MergedApplication merged, String name) {
		return merged.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
	}

	private static MergedMaterial material(MergedApplication merged, String code) {
		return merged.materials().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow();
	}

	static List<String> keys(MergedApplication merged) {
		return merged.items().stream().map(ApplicableItem::key).toList();
	}
}
