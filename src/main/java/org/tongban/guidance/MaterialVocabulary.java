package org.tongban.guidance;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import org.springframework.stereotype.Component;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideContent.Material;
import org.tongban.catalogue.GuideContent.Situation;
import org.tongban.catalogue.ServiceItemSummary;

/**
 * Every material name of every published guide, with and without its bracketed detail: a generated answer
 * naming one that the cited guides do not have is not grounded. Rebuilt when a guide is published.
 */
@Component
class MaterialVocabulary {

	private final Catalogue catalogue;
	private volatile List<String> published = null;
	private volatile List<String> names = List.of();

	MaterialVocabulary(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	List<String> names() {
		List<String> current = catalogue.items(null, null, null).stream().map(s -> s.code() + "@" + s.version())
			.toList();
		if (!current.equals(published)) {
			TreeSet<String> all = new TreeSet<>();
			for (ServiceItemSummary s : catalogue.items(null, null, null)) {
				Optional<Guide> g = catalogue.published(s.code());
				g.ifPresent(guide -> guide.situations().stream().map(Situation::materials).filter(Objects::nonNull)
					.flatMap(List::stream).map(Material::name).forEach(name -> {
						all.add(name);
						int bracket = name.indexOf('（');
						if (bracket >= 4) {
							all.add(name.substring(0, bracket));
						}
					}));
			}
			all.removeIf(n -> n.length() < 4);
			names = List.copyOf(all);
			published = current;
		}
		return names;
	}
}
