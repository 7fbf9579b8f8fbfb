package org.tongban.licences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class SigningLicencesTests extends LicencesIntegrationTest {

	@TempDir
	Path dir;

	@Test
	void theSignatureVerifiesWithOnlyThePublicKeyAndFailsAfterAnyByteChanges() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-009", "NEW");
		String body = mvc.perform(get("/api/licences/" + l.number() + "/signature").with(basic("citizen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode s = json.readTree(body);
		assertThat(s.get("algorithm").asString()).isEqualTo("SM3withSM2");
		String data = s.get("canonicalData").asString();
		assertThat(data).startsWith("{\"authority\":\"上海市浦东新区卫生健康委员会\",\"caseId\":\"" + l.caseId() + "\"")
			.contains("\"number\":\"" + l.number() + "\"").contains("\"validUntil\":null");
		var key = LicenceSignatures.publicKeyFromPem(s.get("publicKeyPem").asString());
		byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
		String sig = s.get("signature").asString();
		assertThat(LicenceSignatures.verify(key, bytes, sig)).isTrue();
		for (int i = 0; i < bytes.length; i++) {
			byte[] changed = bytes.clone();
			changed[i] ^= 0x01;
			assertThat(LicenceSignatures.verify(key, changed, sig)).as("byte %d changed", i).isFalse();
		}
	}

	@Test
	void theCommandLineVerifierChecksFiles() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-009", "NEW");
		Files.writeString(dir.resolve("key.pem"), licences.publicKeyPem());
		Files.writeString(dir.resolve("data.json"), l.signedData());
		Files.writeString(dir.resolve("sig.b64"), l.signature());
		Process ok = run(dir);
		assertThat(ok.waitFor()).isZero();
		Files.writeString(dir.resolve("data.json"), l.signedData().replace("张三", "李四"));
		assertThat(run(dir).waitFor()).isEqualTo(1);
	}

	private static Process run(Path dir) throws Exception {
		return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LicenceVerifier.class.getName(),
				dir.resolve("key.pem").toString(), dir.resolve("data.json").toString(), dir.resolve("sig.b64").toString())
			.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
	}

	@Test
	void outsideDemoAMissingKeystoreStopsStartUpWithAClearMessage() {
		Path missing = dir.resolve("none.p12");
		assertThatThrownBy(() -> LicenceKeys.load(missing, "secret", "licence-signing", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("keystore not found").hasMessageContaining("tongban.licences.keystore.path");
		assertThat(missing).doesNotExist();
	}

	@Test
	void aWrongPasswordStopsStartUpWithAClearMessage() {
		Path p = dir.resolve("k.p12");
		LicenceKeys.createDemo(p, "right-password", "licence-signing");
		assertThat(LicenceKeys.load(p, "right-password", "licence-signing", false).publicKeyPem())
			.startsWith("-----BEGIN PUBLIC KEY-----");
		assertThatThrownBy(() -> LicenceKeys.load(p, "wrong-password", "licence-signing", false))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("wrong tongban.licences.keystore.password");
		assertThatThrownBy(() -> LicenceKeys.load(p, "right-password", "other", false))
			.isInstanceOf(IllegalStateException.class).hasMessageContaining("alias 'other'");
	}

	@Test
	void withDemoDataAMissingKeystoreIsCreatedOnceAndKept() {
		Path p = dir.resolve("demo/k.p12");
		LicenceKeys first = LicenceKeys.load(p, "pw", "a", true);
		LicenceKeys again = LicenceKeys.load(p, "pw", "a", true);
		assertThat(again.publicKeyPem()).isEqualTo(first.publicKeyPem());
	}

	@Test
	void thePdfHasTheLicenceInItAndIsServedToTheHolder() throws Exception {
		Licence l = issue("citizen", "PD-WJW-XK-009", "NEW");
		byte[] pdf = mvc.perform(get("/api/licences/" + l.number() + "/pdf").with(basic("citizen")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			// without white space: the title is letter-spaced. (Some characters come out as their Kangxi-radical
			// twins, e.g. 生 as ⽣, because the font draws both with one glyph; the page looks right.)
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s", "");
			assertThat(text).contains("医师执业证书").contains("证照编号" + l.number()).contains("张三")
				.contains("上海市浦东新区");
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
		}
		assertThat(licences.pdfForCase(new org.tongban.cases.CaseId(l.caseId()))).isPresent();
	}
}
