/**
 * Cases (办件): applying (drafts, materials, submission) and handling (the process steps, lawful time limits,
 * notice-commitment, decisions). Other modules see only the named interface {@code cases :: api} — the case as
 * a read-only record ({@link org.tongban.cases.CaseRecords}, {@link org.tongban.cases.Case} and its parts), the
 * events they react to and {@link org.tongban.cases.CaseStatistics}; the modules that use it declare so in their
 * {@code allowedDependencies}, which {@code ModularityTests} enforces.
 */
@org.springframework.modulith.ApplicationModule(displayName = "办件")
package org.tongban.cases;
