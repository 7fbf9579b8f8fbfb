/** Guides people to the right service item and situation: hybrid search over the catalogue, the question tree to one situation
 * and its material list (智能导办), and pre-filling from the registers the authority holds. */
@org.springframework.modulith.ApplicationModule(displayName = "办事导引")
package org.tongban.guidance;
