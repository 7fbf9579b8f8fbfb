package org.tongban.shared;

/**
 * A year's holiday arrangement was entered or edited (published inside the edit's transaction): every time
 * limit that reaches into the year, counted before on the provisional or the earlier arrangement, may move.
 */
public record CalendarYearChanged(int year) {
}
