package org.tongban.integrated;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.GuideContent;
import org.tongban.shared.FieldMessage;
import org.tongban.shared.Problem;

/**
 * Reads industry packages and merges a questionnaire's answers into one application: the façade the integrated
 * application (and anyone else) uses. Published versions are public; every version stays readable.
 */
@Service
@Transactional(readOnly = true)
public class IndustryPackages {

	private final PackageStore store;
	private final Catalogue catalogue;

	IndustryPackages(PackageStore store, Catalogue catalogue) {
		this.store = store;
		this.catalogue = catalogue;
	}

	/** Every package's live version, by code. */
	public List<IndustryPackage> published() {
		return store.published().stream().map(PackageStore.Row::content).toList();
	}

	/** The live version of one package. */
	public Optional<IndustryPackage> published(String code) {
		return store.header(code, false).flatMap(h -> store.version(code, h.publishedVersion(), false))
				.map(PackageStore.Row::content);
	}

	/** Any version, whatever its status (drafts included: callers showing it to the public check with {@link #published(String)}). */
	public Optional<IndustryPackage> version(String code, int version) {
		return store.version(code, version, false).map(PackageStore.Row::content);
	}

	/**
	 * The merged application for the answers to the live version's questions; a Problem 400 names each missing or
	 * wrong answer, or each contradiction; 404 for an unknown package.
	 */
	public MergedApplication merge(String code, Map<String, Object> answers) {
		IndustryPackage pkg = published(code).orElseThrow(() -> unknown(code));
		return merge(pkg, answers);
	}

	/** As {@link #merge(String, Map)} on a given version (e.g. the one an application was submitted under). */
	public MergedApplication merge(IndustryPackage pkg, Map<String, Object> answers) {
		return Merger.merge(pkg, Answers.read(pkg, answers));
	}

	/** The merged application of the package's typical business (its demo answers): what the figures are of. */
	public MergedApplication typical(IndustryPackage pkg) {
		return merge(pkg, pkg.demoAnswers());
	}

	/** The form values for each applicable non-external item, by item code, from the integrated form's values. */
	public Map<String, Map<String, Object>> split(MergedApplication merged, Map<String, Object> integratedForm) {
		return Merger.split(merged, integratedForm);
	}

	/** The item codes of the commission's items fed by any of the named integrated fields (what a change touches). */
	public Set<String> itemsCarrying(IndustryPackage pkg, Set<String> integratedFieldNames) {
		return Merger.itemsCarrying(pkg, integratedFieldNames);
	}

	/** The faults of a package as it would be saved: unknown items, situations, questions, feeds. */
	List<FieldMessage> check(IndustryPackage pkg) {
		return PackageRules.check(pkg, this::situations);
	}

	Optional<Set<String>> situations(String itemCode) {
		return catalogue.published(itemCode).map(g -> g.situations() == null ? Set.<String>of()
				: g.situations().stream().map(GuideContent.Situation::code).collect(Collectors.toSet()));
	}

	static Problem unknown(String code) {
		return Problem.notFound("没有代码为“" + code + "”的一业一证行业。");
	}
}
