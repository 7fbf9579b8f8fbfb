/**
 * 好差评: the applicant rates each stage of a case on the national five levels, the staff member who handled the
 * stage and their unit recorded with it; a bad rating opens a rectification task for that unit, counted in
 * working days; anonymous statistics for the public. Reads cases only through {@code cases :: api}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "好差评与办不成事",
		allowedDependencies = { "cases :: api", "identity", "notification", "shared" })
package org.tongban.feedback;
