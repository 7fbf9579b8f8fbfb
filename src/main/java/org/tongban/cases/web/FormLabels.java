package org.tongban.cases.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tongban.cases.FormTables;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent;

/** Chinese labels for a case's form fields: the item's form definition, the pages' own, and its licence's particulars. */
final class FormLabels {

	/** The form fields the pages write; an API client's own fields show as named. */
	private static final Map<String, String> PAGES = Map.of("note", "申请说明", "phone", "联系电话", "address", "地址",
			"legalRepresentative", "法定代表人", "licenceNumber", "证照编号", "scope", "许可范围", "holderName", "持证人名称");

	private FormLabels() {
	}

	static Map<String, String> of(Catalogue catalogue, String itemCode) {
		Map<String, String> labels = new HashMap<>(PAGES);
		var guide = catalogue.published(itemCode);
		// the item's own form names its fields first
		guide.ifPresent(g -> g.form().forEach(f -> labels.put(f.name(), f.label())));
		guide.map(Guide::licence).map(GuideContent.Licence::particularsOrNone)
			.ifPresent(all -> all.forEach(p -> labels.putIfAbsent(p.field(), p.label())));
		return labels;
	}

	/** A table field's value as read on the case and work pages: its column labels and its rows' cells. */
	public record TableView(List<String> headers, List<List<String>> rows) {
	}

	/**
	 * The case's table fields (as the guide version it was submitted under defines them), by name, ready to show;
	 * a value that is not rows is left out, and shows as the text it is.
	 */
	static Map<String, TableView> tables(Catalogue catalogue, String itemCode, int guideVersion, Map<String, ?> form) {
		Map<String, TableView> tables = new HashMap<>();
		List<GuideContent.FormField> fields = catalogue.version(itemCode, guideVersion).map(Guide::form).orElse(List.of());
		for (GuideContent.FormField f : fields) {
			Object value = form.get(f.name());
			if (f.fieldType() != org.tongban.catalogue.FormFieldType.TABLE || value == null) {
				continue;
			}
			FormTables.rows(String.valueOf(value)).ifPresent(rows -> tables.put(f.name(), new TableView(
					f.columnsOrNone().stream().map(GuideContent.FormField::label).toList(),
					rows.stream().map(r -> f.columnsOrNone().stream()
						.map(c -> r.get(c.name()) == null ? "" : r.get(c.name())).toList()).toList())));
		}
		return tables;
	}
}
