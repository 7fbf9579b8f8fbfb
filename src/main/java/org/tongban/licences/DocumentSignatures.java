package org.tongban.licences;

import org.springframework.stereotype.Service;

/**
 * The commission's signing machinery for documents other modules issue that must be verifiable like a licence
 * (the supervision institute's 专用信用报告): the same SM2 key, the same SM3withSM2 signatures, the same red seal
 * and QR codes as the licences'.
 */
@Service
public class DocumentSignatures {

	private final LicenceConfiguration.SigningKeys keys;
	private final LicencePdf pdf;

	DocumentSignatures(LicenceConfiguration.SigningKeys keys, LicencePdf pdf) {
		this.keys = keys;
		this.pdf = pdf;
	}

	/** SM3withSM2 over the UTF-8 bytes of {@code canonical}, DER in base64. */
	public String sign(String canonical) {
		return LicenceSignatures.sign(keys.get().privateKey(), canonical);
	}

	public boolean verify(String canonical, String signature) {
		return LicenceSignatures.verify(keys.get().publicKey(),
				canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8), signature);
	}

	/** The public key anyone can check the signatures with. */
	public String publicKeyPem() {
		return keys.get().publicKeyPem();
	}

	public String algorithm() {
		return LicenceSignatures.ALGORITHM;
	}

	/** The commission's seal as a PNG data URI for a PDF. */
	public String sealDataUri() {
		return pdf.seal();
	}

	/** A QR code of {@code url} as a PNG data URI for a PDF. */
	public String qrDataUri(String url) {
		return LicencePdf.qr(url);
	}
}
