package org.tongban.licences;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Security;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * SM3withSM2 (GB/T 32918, default user ID 1234567812345678) over the UTF-8 bytes of the canonical form;
 * signatures are DER (r, s) in base64. Only needs BouncyCastle, so the command-line verifier uses it too.
 */
public final class LicenceSignatures {

	public static final String ALGORITHM = "SM3withSM2";

	static {
		if (Security.getProvider(BouncyCastleProvider.PROVIDER_NAME) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}

	private LicenceSignatures() {
	}

	static String sign(PrivateKey key, String canonical) {
		try {
			Signature s = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
			s.initSign(key);
			s.update(canonical.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(s.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SM2 signing failed", e);
		}
	}

	public static boolean verify(PublicKey key, byte[] data, String base64Signature) {
		try {
			Signature s = Signature.getInstance(ALGORITHM, BouncyCastleProvider.PROVIDER_NAME);
			s.initVerify(key);
			s.update(data);
			return s.verify(Base64.getDecoder().decode(base64Signature.strip()));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			return false;
		}
	}

	public static PublicKey publicKeyFromPem(String pem) {
		String b64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
		try {
			return KeyFactory.getInstance("EC", BouncyCastleProvider.PROVIDER_NAME)
				.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("Not an SM2 public key in PEM: " + e.getMessage(), e);
		}
	}
}
