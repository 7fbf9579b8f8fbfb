package org.tongban.feedback;

/** A 办不成事 as filed: what the person tried to do, where it failed, the item if known, how to reach them. */
public record TicketRequest(String text, String itemCode, String contact, String where) {
}
