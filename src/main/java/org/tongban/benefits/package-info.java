/**
 * 免申即享: finds the people who qualify for a free health programme in the registers the commission reads, offers
 * the service without an application, and explains every decision clause by clause.
 */
@org.springframework.modulith.ApplicationModule(displayName = "免申即享",
		allowedDependencies = { "identity", "notification", "shared" })
package org.tongban.benefits;
