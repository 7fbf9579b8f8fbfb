package org.tongban.cases;

/**
 * A way to reach an applicant (in-app inbox, SMS, e-mail). Messages carry the item, the step and a link,
 * never ID numbers or the contents of the application.
 */
public interface ApplicantChannel {

	void send(Case c, String title, String body, String link);
}
