/** Guides people to the right service item and situation: today the hybrid search over the catalogue. */
@org.springframework.modulith.ApplicationModule(displayName = "办事导引")
package org.tongban.guidance;
