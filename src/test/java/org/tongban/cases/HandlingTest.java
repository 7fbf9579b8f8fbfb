package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Objects;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

/** Cases taken through handling over the API, as the pages and outside checks do. */
abstract class HandlingTest extends CasesIntegrationTest {

	/** Submits as the demo citizen; the case is at its first step when the 201 comes back. */
	String submitted(String item, String situation, boolean commitment) throws Exception {
		String body = """
				{"itemCode": "%s", "situation": "%s", "commitment": %s,
				 "applicant": {"kind": "PERSON", "idNumber": "%s", "name": "张三"},
				 "form": {"phone": "13800000000"}}""".formatted(item, situation, commitment, CITIZEN_ID);
		String id = submitWithMaterials("citizen", body);
		assertStepOpen(id);
		return id;
	}

	void assertStepOpen(String id) {
		assertThat(step(id)).as("step of case " + id).isNotNull();
	}

	String step(String id) {
		return jdbc.sql("SELECT step FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.optional().orElse(null);
	}

	String caseStatus(String id) {
		return jdbc.sql("SELECT status FROM cases_case WHERE id = ?").param(UUID.fromString(id)).query(String.class)
				.single();
	}

	ResultActions act(String user, String id, String action, String json) throws Exception {
		var request = post("/api/cases/{id}/actions/{action}", id, action).with(basic(user));
		if (json != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json);
		}
		return mvc.perform(request);
	}

	ResultActions read(String user, String id) throws Exception {
		return mvc.perform(get("/api/cases/{id}", id).with(basic(user)));
	}

	/** The process instance of a case, once its process has started. */
	String processOf(String id) {
		return jdbc.sql("SELECT process_instance_id FROM cases_case WHERE id = ?").param(UUID.fromString(id))
				.query(String.class).optional().orElse(null);
	}

	long processesFor(String id) {
		return Objects.requireNonNull(jdbc.sql("SELECT count(*) FROM act_ru_execution WHERE business_key_ = ?")
				.param(id).query(Long.class).single());
	}
}
