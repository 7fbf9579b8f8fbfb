/** Manages who may do what: the organisation, accounts and roles, sign-in, and the append-only audit log. */
@org.springframework.modulith.ApplicationModule(displayName = "身份与权限")
package org.tongban.identity;
