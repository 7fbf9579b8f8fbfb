/**
 * 监督执法: the register of regulated entities with credit and risk grades that explain themselves, and the
 * verifiable 双随机、一公开 draw of entities and inspectors, published without personal data. Reacts to
 * {@code CommitmentBroken} from cases; reads licences through the licences module's public API. Penalties go through
 * the discretion baseline, legal review and publication; joint inspections reach other authorities through a port.
 */
@org.springframework.modulith.ApplicationModule(displayName = "监督执法",
		allowedDependencies = { "cases :: api", "identity", "licences", "notification", "shared" })
package org.tongban.supervision;
