/** Statistical reports built from the live case data: the annual licensing report (年度行政许可实施情况报告) as xlsx and PDF. */
@org.springframework.modulith.ApplicationModule(displayName = "统计报告",
		allowedDependencies = { "cases :: api", "catalogue", "identity", "shared" })
package org.tongban.reports;
