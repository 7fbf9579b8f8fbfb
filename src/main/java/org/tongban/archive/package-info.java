/**
 * Electronic archiving (电子文件归档): completed cases packed as E-ARK-style packages, an SM3 hash chain over
 * them, fixity checks, retention and disposal, and archive search for staff.
 */
@org.springframework.modulith.ApplicationModule(displayName = "电子档案",
		allowedDependencies = { "cases :: api", "catalogue", "identity", "shared" })
package org.tongban.archive;
