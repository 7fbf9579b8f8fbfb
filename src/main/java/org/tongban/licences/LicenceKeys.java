package org.tongban.licences;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SM2 key pair licences are signed with, from a PKCS12 keystore (path + password + alias). With demo
 * data on and no keystore at the path, a demo key pair and self-signed certificate are generated there;
 * otherwise a missing keystore, a wrong password or a missing alias stops start-up with a clear message.
 */
public final class LicenceKeys {

	private static final Logger log = LoggerFactory.getLogger(LicenceKeys.class);

	static final String PROVIDER = BouncyCastleProvider.PROVIDER_NAME;

	static {
		if (Security.getProvider(PROVIDER) == null) {
			Security.addProvider(new BouncyCastleProvider());
		}
	}

	private final PrivateKey privateKey;
	private final X509Certificate certificate;

	private LicenceKeys(PrivateKey privateKey, X509Certificate certificate) {
		this.privateKey = privateKey;
		this.certificate = certificate;
	}

	/** Loads the keystore, or (demo only) creates it when there is none. */
	public static LicenceKeys load(Path path, String password, String alias, boolean demo) {
		if (!Files.exists(path)) {
			if (!demo) {
				throw new IllegalStateException("Licence signing keystore not found at " + path.toAbsolutePath()
						+ " — set tongban.licences.keystore.path (PKCS12 with an SM2 key) and "
						+ "tongban.licences.keystore.password; a demo key is only generated when tongban.demo.enabled=true.");
			}
			createDemo(path, password, alias);
		}
		if (password == null || password.isEmpty()) {
			throw new IllegalStateException("No password for the licence signing keystore " + path.toAbsolutePath()
					+ " — set tongban.licences.keystore.password.");
		}
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore ks = KeyStore.getInstance("PKCS12", PROVIDER);
			ks.load(in, password.toCharArray());
			Key key = ks.getKey(alias, password.toCharArray());
			Certificate cert = ks.getCertificate(alias);
			if (!(key instanceof PrivateKey pk) || !(cert instanceof X509Certificate x509)) {
				throw new IllegalStateException("The licence signing keystore " + path.toAbsolutePath()
						+ " has no private key with certificate under alias '" + alias
						+ "' — check tongban.licences.keystore.alias.");
			}
			return new LicenceKeys(pk, x509);
		}
		catch (IOException | GeneralSecurityException e) {
			throw new IllegalStateException("Cannot open the licence signing keystore " + path.toAbsolutePath()
					+ " — wrong tongban.licences.keystore.password or not a PKCS12 file (" + e.getMessage() + ").", e);
		}
	}

	/** A demo SM2 key pair and self-signed certificate; never for production, never committed. */
	static void createDemo(Path path, String password, String alias) {
		try {
			KeyPairGenerator g = KeyPairGenerator.getInstance("EC", PROVIDER);
			g.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
			KeyPair kp = g.generateKeyPair();
			X500Name dn = new X500Name("CN=Tongban demo licence signing,O=Tongban demo,C=CN");
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(dn, new BigInteger(64, new SecureRandom()),
					Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), dn,
					kp.getPublic());
			X509Certificate cert = new JcaX509CertificateConverter().setProvider(PROVIDER)
				.getCertificate(b.build(new JcaContentSignerBuilder("SM3WITHSM2").setProvider(PROVIDER)
					.build(kp.getPrivate())));
			KeyStore ks = KeyStore.getInstance("PKCS12", PROVIDER);
			ks.load(null, null);
			ks.setKeyEntry(alias, kp.getPrivate(), password.toCharArray(), new Certificate[] { cert });
			Files.createDirectories(path.toAbsolutePath().getParent());
			try (OutputStream out = Files.newOutputStream(path)) {
				ks.store(out, password.toCharArray());
			}
			log.warn("Generated a DEMO licence signing key pair at {} — not for production", path.toAbsolutePath());
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot create the demo licence signing keystore at " + path, e);
		}
	}

	PrivateKey privateKey() {
		return privateKey;
	}

	public PublicKey publicKey() {
		return certificate.getPublicKey();
	}

	public X509Certificate certificate() {
		return certificate;
	}

	/** The public key as PEM (SubjectPublicKeyInfo), what {@link LicenceVerifier} reads. */
	public String publicKeyPem() {
		return pem("PUBLIC KEY", publicKey().getEncoded());
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
	}
}
