package org.tongban.licences;

import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical form the SM2 signature covers: UTF-8 JSON of one object, keys sorted by code point, no
 * whitespace, every value a string or {@code null}, dates as {@code yyyy-MM-dd}, strings escaped as RFC 8259
 * requires (only {@code "}, {@code \} and control characters, the latter as {@code \}{@code u00XX}; other
 * characters as they are). Keys: authority, caseId, holderId, holderIdType, holderName, issuedOn, itemCode,
 * number, scope, validFrom, validUntil, and {@code particulars} when the licence carries any: an object of the
 * same form from each particular's label to its value (e.g. {@code {"执业机构":"…","执业类别":"…"}}); a licence
 * without particulars reads as before they existed. Status is not signed: it changes without reissuing.
 */
public final class CanonicalForm {

	private CanonicalForm() {
	}

	public static String of(Licence l) {
		Map<String, Object> m = new TreeMap<>();
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
		if (!l.particulars().isEmpty()) {
			Map<String, Object> particulars = new TreeMap<>();
			l.particulars().forEach(p -> particulars.put(p.label(), p.value()));
			m.put("particulars", particulars);
		}
		return object(new StringBuilder(), m).toString();
	}

	/** Values are strings, {@code null} or (for the particulars) objects of the same form. */
	@SuppressWarnings("unchecked")
	private static StringBuilder object(StringBuilder b, Map<String, Object> m) {
		b.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> e : m.entrySet()) {
			if (!first) {
				b.append(',');
			}
			first = false;
			string(b, e.getKey());
			b.append(':');
			Object v = e.getValue();
			if (v == null) {
				b.append("null");
			}
			else if (v instanceof Map<?, ?> nested) {
				object(b, (Map<String, Object>) nested);
			}
			else {
				string(b, (String) v);
			}
		}
		return b.append('}');
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
