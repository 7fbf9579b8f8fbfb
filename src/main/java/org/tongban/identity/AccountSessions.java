package org.tongban.identity;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions, which live in the database (Spring Session JDBC, indexed by principal name): a
 * disabled or locked account, or one whose password changed, is signed out everywhere on its next request.
 */
@Component
class AccountSessions {

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.sessions = sessions;
	}

	/** Ends every session of the account. */
	void end(String username) {
		endAllBut(username, null);
	}

	/** Ends every session of the account except the one given (the user's own, who just changed the password). */
	void endAllBut(String username, String keep) {
		for (String id : sessions.findByPrincipalName(username).keySet()) {
			if (!id.equals(keep)) {
				sessions.deleteById(id);
			}
		}
	}
}
