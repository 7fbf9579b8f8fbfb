package org.tongban.cases.web;

import java.util.HashMap;
import java.util.Map;

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
}
