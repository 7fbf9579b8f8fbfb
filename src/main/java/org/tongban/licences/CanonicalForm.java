package org.tongban.licences;

import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form the SM2 signature covers: UTF-8 JSON of one object, keys sorted by code point, no
 * whitespace, every value a string or {@code null}, dates as {@code yyyy-MM-dd}, strings escaped as RFC 8259
 * requires (only {@code "}, {@code \} and control characters, the latter as {@code \}{@code u00XX}; other
 * characters as they are). Keys: authority, caseId, holderId, holderIdType, holderName, issuedOn, itemCode,
 * number, scope, validFrom, validUntil. Status is not signed: it changes without reissuing.
 */
public final class CanonicalForm {

	private CanonicalForm() {
	}

	public static String of(Licence l) {
		Map<String, String> m = new TreeMap<>();
		m.put("number", l.number());
		m.put("itemCode", l.itemCode());
		m.put("holderName", l.holderName());
		m.put("holderIdType", l.holderIdType());
		m.put("holderId", l.holderId());
		m.put("scope", l.scope());
		m.put("validFrom", l.validFrom().toString());
		m.put("validUntil", l.validUntil() == null ? null : l.validUntil().toString());
		m.put("authority", l.authority());
		m.put("issuedOn", l.issuedOn().toString());
		m.put("caseId", l.caseId().toString());
		StringBuilder b = new StringBuilder("{");
		m.forEach((k, v) -> {
			if (b.length() > 1) {
				b.append(',');
			}
			string(b, k);
			b.append(':');
			if (v == null) {
				b.append("null");
			}
			else {
				string(b, v);
			}
		});
		return b.append('}').toString();
	}

	private static void string(StringBuilder b, String s) {
		b.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '"' || c == '\\') {
				b.append('\\').append(c);
			}
			else if (c < 0x20) {
				b.append(String.format("\\u%04x", (int) c));
			}
			else {
				b.append(c);
			}
		}
		b.append('"');
	}
}
