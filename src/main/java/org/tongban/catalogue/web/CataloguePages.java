package org.tongban.catalogue.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.CatalogueAccess;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideFiles;
import org.tongban.catalogue.ItemType;
import org.tongban.identity.Organisation;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/** The public pages: the three lists and an item's published guide. No sign-in needed. */
@Controller
class CataloguePages {

	private final Catalogue catalogue;
	private final Organisation organisation;
	private final GuideFiles files;

	CataloguePages(Catalogue catalogue, Organisation organisation, GuideFiles files) {
		this.files = files;
		this.catalogue = catalogue;
		this.organisation = organisation;
	}

	@GetMapping("/catalogue")
	String home() {
		return "redirect:/catalogue/licensing";
	}

	@GetMapping({"/catalogue/licensing", "/catalogue/filing", "/catalogue/public-service"})
	String list(jakarta.servlet.http.HttpServletRequest request, @RequestParam(required = false) String division,
			@RequestParam(required = false) String q, Model model) {
		String slug = request.getRequestURI().substring(request.getRequestURI().lastIndexOf('/') + 1);
		ItemType type = ItemType.bySlug(slug).orElseThrow();
		model.addAttribute("type", type);
		model.addAttribute("types", ItemType.values());
		model.addAttribute("items", catalogue.items(type, division, q));
		model.addAttribute("divisions", organisation.divisions());
		model.addAttribute("division", division);
		model.addAttribute("q", q);
		return "catalogue/list";
	}

	@GetMapping("/catalogue/items/{code}")
	String item(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@RequestParam(required = false) Integer version, Model model) {
		Guide guide = (version == null ? catalogue.published(code) : catalogue.version(code, version))
				.filter(g -> CatalogueApi.visible(me, g))
				.orElseThrow(() -> Problem.notFound("未找到事项编码为“" + code + "”的政务服务事项"
						+ (version == null ? "" : "第 " + version + " 版办事指南") + "。"));
		model.addAttribute("guide", guide);
		model.addAttribute("summary", catalogue.items(guide.type(), null, code).stream()
				.filter(s -> s.code().equals(code)).findFirst().orElse(null));
		model.addAttribute("mayEdit", CatalogueAccess.mayEdit(me, guide.division()));
		model.addAttribute("offered", files.offered(code, guide.version()));
		return "catalogue/item";
	}
}
