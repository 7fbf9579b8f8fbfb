/** Delivers notifications to people and to whole divisions or units: the in-app inbox. */
@org.springframework.modulith.ApplicationModule(displayName = "消息通知")
package org.tongban.notification;
