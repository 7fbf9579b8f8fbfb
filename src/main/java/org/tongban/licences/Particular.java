package org.tongban.licences;

/**
 * A datum the licence carries as the decision granted it, named as the item's guide names it: the form's
 * {@code field}, its Chinese {@code label} (kept with the licence: it reads as issued if the guide changes).
 */
public record Particular(String field, String label, String value) {
}
