/** Cases (办件): an applicant starts from an item and situation, fills the form, uploads the tailored materials
 * and submits once; the case keeps the guide version it was started under. Handling steps come later. */
@org.springframework.modulith.ApplicationModule(displayName = "办件")
package org.tongban.cases;
