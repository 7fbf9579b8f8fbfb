/**
 * E-licences (电子证照): issued from granted cases with a number by the item's pattern, a detached SM2
 * signature over their canonical data, a PDF with seal and QR code, public verification and lifecycle
 * (suspend, restore, revoke, change, renew, cancel, reissue, expiry warnings).
 */
@org.springframework.modulith.ApplicationModule(displayName = "电子证照",
		allowedDependencies = { "archive", "cases :: api", "catalogue", "identity", "notification", "shared" })
package org.tongban.licences;
