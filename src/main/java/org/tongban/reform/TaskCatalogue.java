package org.tongban.reform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.tongban.identity.OrgUnit;
import org.tongban.identity.Organisation;
import org.tongban.shared.AuditTrail;

/** Writes task definitions, from the plan's data file or an imported spreadsheet, resolving names to units. */
@Component
class TaskCatalogue {

	record Applied(int created, int updated) {
	}

	private final ReformTasks tasks;
	private final Organisation organisation;
	private final AuditTrail audit;

	TaskCatalogue(ReformTasks tasks, Organisation organisation, AuditTrail audit) {
		this.tasks = tasks;
		this.organisation = organisation;
		this.audit = audit;
	}

	/** The unit a name in the table stands for; collective names (相关业务处室) are units of their own. */
	Optional<OrgUnit> resolve(String name) {
		return organisation.byName(name);
	}

	/** Upserts by task number; the caller's transaction makes it all or nothing. Names must resolve. */
	Applied apply(List<TaskDefinition> definitions, String actor, String action) {
		int created = 0;
		int updated = 0;
		for (TaskDefinition d : definitions) {
			Optional<ReformTask> before = tasks.find(d.no());
			boolean inserted = tasks.upsertDefinition(d, codes(d.no(), d.leadDivisions()),
					codes(d.no(), d.cooperatingDivisions()), codes(d.no(), d.units()));
			if (inserted) {
				created++;
			}
			else {
				updated++;
			}
			audit.recordAs(actor, action, "reform_task", d.no(), before.map(TaskCatalogue::state).orElse(null),
					state(tasks.find(d.no()).orElseThrow()));
		}
		return new Applied(created, updated);
	}

	private List<String> codes(int no, List<String> names) {
		List<String> codes = new ArrayList<>();
		for (String name : names) {
			codes.add(resolve(name).map(OrgUnit::code).orElseThrow(
					() -> new IllegalArgumentException("任务 " + no + " 中的部门“" + name + "”不在组织机构表中")));
		}
		return codes;
	}

	private static Map<String, Object> state(ReformTask t) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("group", t.group());
		m.put("content", t.content());
		m.put("leadUnits", t.leadUnits());
		m.put("cooperatingUnits", t.cooperatingUnits());
		m.put("relatedUnits", t.relatedUnits());
		m.put("deadline", t.deadline().toString());
		m.put("remarks", t.remarks());
		return m;
	}
}
