/** The service catalogue: service items, their versioned guides with situations and materials, and the laws they cite. */
@org.springframework.modulith.ApplicationModule(displayName = "政务服务事项目录")
package org.tongban.catalogue;
