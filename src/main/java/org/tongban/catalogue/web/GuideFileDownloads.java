package org.tongban.catalogue.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.catalogue.Catalogue;
import org.tongban.catalogue.Guide;
import org.tongban.catalogue.GuideFileKind;
import org.tongban.catalogue.GuideFiles;
import org.tongban.identity.SignedInUser;
import org.tongban.shared.Problem;

/**
 * Downloads of the blank forms and samples a guide offers: public for published and superseded versions (no
 * sign-in, like the guide itself), staff only for a version in the works. Always an attachment, never sniffed.
 */
@Controller
class GuideFileDownloads {

	private final Catalogue catalogue;
	private final GuideFiles files;

	GuideFileDownloads(Catalogue catalogue, GuideFiles files) {
		this.catalogue = catalogue;
		this.files = files;
	}

	/** The file of a material of the live version, or of {@code version}. */
	@GetMapping("/catalogue/items/{code}/files/{kind}")
	ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal SignedInUser me, @PathVariable String code,
			@PathVariable String kind, @RequestParam(required = false) String material,
			@RequestParam(required = false) Integer version) {
		GuideFileKind k = CatalogueApi.kind(kind);
		Guide guide = (version == null ? catalogue.published(code) : catalogue.version(code, version))
				.filter(g -> CatalogueApi.visible(me, g))
				.orElseThrow(() -> Problem.notFound("未找到事项编码为“" + code + "”的政务服务事项"
						+ (version == null ? "" : "第 " + version + " 版办事指南") + "。"));
		GuideFiles.Download download = files.download(code, guide.version(), k, material);
		return attachment(download);
	}

	static ResponseEntity<InputStreamResource> attachment(GuideFiles.Download download) {
		var file = download.file();
		String encoded = URLEncoder.encode(file.filename(), StandardCharsets.UTF_8).replace("+", "%20");
		String ascii = file.kind().slug() + extension(file.filename());
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.mediaType())).contentLength(file.size())
				.header(HttpHeaders.CONTENT_DISPOSITION,
						"attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded)
				.header("X-Content-Type-Options", "nosniff")
				.body(new InputStreamResource(download.content().get()));
	}

	private static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		String ext = dot < 0 ? "" : filename.substring(dot);
		return ext.matches("\\.[A-Za-z0-9]{1,5}") ? ext : "";
	}
}
