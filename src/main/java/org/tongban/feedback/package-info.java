/**
 * 好差评: the applicant rates each stage of a case on the national five levels, the staff member who handled the
 * stage and their unit recorded with it; a bad rating opens a rectification task for that unit, counted in
 * working days; anonymous statistics for the public. 办不成事: anyone reports what they could not get done; the item's
 * division (or the 审批服务中心) contacts and answers them in working days, or hands the matter to the 12345 hotline.
 * Reads cases only through {@code cases :: api}, items through the catalogue's public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "好差评与办不成事",
		allowedDependencies = { "cases :: api", "catalogue", "identity", "notification", "shared" })
package org.tongban.feedback;
