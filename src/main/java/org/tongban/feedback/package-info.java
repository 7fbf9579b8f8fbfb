/**
 * 好差评: the applicant rates each stage of a case on the national five levels, the staff member who handled the
 * stage and their unit recorded with it; a bad rating opens a rectification task for that unit, counted in
 * working days; anonymous statistics for the public. 办不成事: anyone reports what they could not get done; the item's
 * division (or the 审批服务中心) contacts and answers them in working days, or hands the matter to the 12345 hotline.
 * Bad ratings' words and 办不成事 tickets are grouped into clusters of similar complaints with the search model's
 * vectors, which staff turn into a guide revision or a reform report. Reads cases only through {@code cases :: api},
 * items through the catalogue's public API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "好差评与办不成事",
		allowedDependencies = { "cases :: api", "catalogue", "guidance", "identity", "notification", "reform", "shared" })
package org.tongban.feedback;
