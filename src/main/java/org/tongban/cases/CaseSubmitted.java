package org.tongban.cases;

/** A case was submitted; handling (and later licences, ratings, the cockpit) start from here. */
public record CaseSubmitted(CaseId caseId, String itemCode, String situation, int guideVersion, Channel channel) {
}
