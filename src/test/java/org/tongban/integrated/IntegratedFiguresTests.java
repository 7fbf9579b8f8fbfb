package org.tongban.integrated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tongban.integrated.MergedApplication.Figures;
import org.tongban.integrated.MergedApplication.MergedField;
import org.tongban.integrated.MergedApplication.MergedMaterial;

/**
 * The reform's figure (2024 plan, task 9/10: 一表申请): on each package's typical business, the fields to fill and
 * documents to upload on the integrated form against applying item by item, counted from the package's data.
 */
class IntegratedFiguresTests extends IntegratedIntegrationTest {

	@Test
	void eachLeadPackageAsksAtLeastThirtyPerCentLessThanItemByItem() {
		List<IndustryPackage> lead = packages.published().stream()
			.filter(p -> p.role() == IndustryPackage.Role.LEAD).toList();
		assertThat(lead).extracting(IndustryPackage::code).contains("DENTAL_CLINIC", "MEDICAL_BEAUTY");
		for (IndustryPackage p : lead) {
			MergedApplication typical = packages.typical(p);
			Figures f = typical.figures();
			// item by item, every underlying form asks its own copy of a field, every permit wants its own copy of a document
			int separateFields = typical.fields().stream().mapToInt(field -> field.feeds().size()).sum();
			int separateDocuments = typical.materials().stream().mapToInt(m -> m.items().size()).sum();
			assertThat(f.integratedFields()).isEqualTo(typical.fields().size());
			assertThat(f.integratedDocuments()).isEqualTo(typical.materials().size());
			assertThat(f.itemByItemFields()).isEqualTo(separateFields);
			assertThat(f.itemByItemDocuments()).isEqualTo(separateDocuments);
			assertThat(typical.internalItems()).hasSizeGreaterThan(1);
			System.out.printf("FIGURE %s v%d: integrated %d fields, %d documents; item by item %d, %d; "
					+ "fields -%d %%, documents -%d %%, together -%d %%%n", p.code(), p.version(), f.integratedFields(),
					f.integratedDocuments(), f.itemByItemFields(), f.itemByItemDocuments(), f.fieldReductionPercent(),
					f.documentReductionPercent(), f.totalReductionPercent());
			assertThat(f.totalReductionPercent()).as("%s: fields and documents together", p.code())
				.isGreaterThanOrEqualTo(30);
			assertThat(typical.fields()).extracting(MergedField::name).doesNotHaveDuplicates();
			assertThat(typical.materials()).extracting(MergedMaterial::code).doesNotHaveDuplicates();
		}
	}
}
