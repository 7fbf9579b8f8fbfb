package org.tongban.benefits;

/**
 * The port to reach a person about an offer, with the minimum data: which service, where, and how to decline
 * (never the facts that made them eligible). Returns false when the person cannot be reached on this channel.
 */
interface Notifier {

	record Offer(java.util.UUID entitlementId, String idNumber, Programme programme, java.util.List<String> institutions) {
	}

	/** The people this channel can reach, among {@code idNumbers} (null: everyone it knows). */
	java.util.Set<String> reachable(java.util.Collection<String> idNumbers);

	/** Sends; a second call for the same offer sends nothing (the channel deduplicates by the offer's id). */
	void send(Offer offer);
}
