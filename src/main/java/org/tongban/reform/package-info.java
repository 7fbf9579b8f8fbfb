/** Tracks the 65 tasks of the 2024 government-service reform plan: progress reports, warnings and the leaders' cockpit. */
@org.springframework.modulith.ApplicationModule(displayName = "改革任务驾驶舱")
package org.tongban.reform;
