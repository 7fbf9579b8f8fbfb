package org.tongban.feedback;

import java.util.UUID;

/**
 * The port to the 12345 government service hotline (12345 政务服务便民热线), where a 办不成事 the unit cannot settle
 * is handed over. The hotline keys a hand-over by its {@code dispatchId}: sending the same one again (a retry)
 * must not open a second work order there.
 */
public interface Hotline12345 {

	/** Whether an address and credentials are configured; hand-overs are refused while they are not. */
	boolean configured();

	/** Hands the matter over; returns the hotline's reference. Throws {@link Unavailable} when it did not take it. */
	String handOver(HandOver handOver);

	/** What the hotline receives: no account names, only what it needs to call the person back. */
	record HandOver(UUID dispatchId, UUID ticketId, String text, String place, String itemCode, String itemName,
			String contact, String unit) {
	}

	/** The hotline did not take the hand-over (down, slow, refused); it is tried again later. */
	class Unavailable extends RuntimeException {

		public Unavailable(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
