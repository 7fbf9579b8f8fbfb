package org.tongban.licences;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Command-line check of a licence signature with only the public key (see scripts/verify-licence.sh):
 * {@code java -cp tongban.jar -Dloader.main=org.tongban.licences.LicenceVerifier org.springframework.boot.loader.launch.PropertiesLauncher public.pem data.json signature.b64}.
 * {@code data.json} holds the canonical data exactly as {@code GET /api/licences/{number}/signature} returns
 * it in {@code canonicalData}; exit code 0 when the signature is good, 1 when not, 2 on bad usage.
 */
public final class LicenceVerifier {

	private LicenceVerifier() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 3) {
			System.err.println("usage: LicenceVerifier <public-key.pem> <canonical-data.json> <signature.b64>");
			System.exit(2);
		}
		byte[] data = Files.readAllBytes(Path.of(args[1]));
		boolean ok = LicenceSignatures.verify(LicenceSignatures.publicKeyFromPem(Files.readString(Path.of(args[0]))),
				data, Files.readString(Path.of(args[2])));
		System.out.println(ok ? "OK: SM3withSM2 signature verified" : "FAILED: signature does not match the data");
		System.exit(ok ? 0 : 1);
	}
}
