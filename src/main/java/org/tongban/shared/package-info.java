/** The shared kernel: typed identity numbers, the working-day calendar, errors as problem details, file storage. */
@org.springframework.modulith.ApplicationModule(displayName = "共享内核")
package org.tongban.shared;
