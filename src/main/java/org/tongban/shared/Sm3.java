package org.tongban.shared;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) digests as lower-case hex. */
public final class Sm3 {

	private Sm3() {
	}

	public static String hex(byte[] data) {
		SM3Digest d = new SM3Digest();
		d.update(data, 0, data.length);
		return finish(d);
	}

	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String hex(InputStream in) throws IOException {
		SM3Digest d = new SM3Digest();
		byte[] buf = new byte[64 * 1024];
		int n;
		while ((n = in.read(buf)) > 0) {
			d.update(buf, 0, n);
		}
		return finish(d);
	}

	private static String finish(SM3Digest d) {
		byte[] out = new byte[d.getDigestSize()];
		d.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}
}
