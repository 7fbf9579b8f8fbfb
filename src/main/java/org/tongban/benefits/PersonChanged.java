package org.tongban.benefits;

/** A register recorded a change about a person (moved, retired, got screened…): their offers are re-evaluated. */
record PersonChanged(String idNumber, String what) {
}
