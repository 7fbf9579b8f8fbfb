/**
 * 一业一证: industry packages that bundle the permits one business needs into one questionnaire, one integrated
 * form, one material list and one integrated licence. Packages are versioned data reviewed like guides; the
 * underlying items come from the catalogue, the handling from cases and the licence from licences.
 */
@org.springframework.modulith.ApplicationModule(displayName = "一业一证",
		allowedDependencies = { "catalogue", "cases :: api", "cases :: forms", "guidance", "identity", "licences", "notification", "shared" })
package org.tongban.integrated;
