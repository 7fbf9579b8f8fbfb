package org.tongban.cases;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.tongban.shared.FieldMessage;
import org.tongban.shared.Fuzzing;
import org.tongban.shared.Problem;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application form as an attacker sends it: the JSON body of POST /api/cases (read by Jackson into
 * {@link NewCase}, as the API does), its applicant and its form fields. Either accepted or refused with
 * Chinese messages (a body Jackson cannot read is the API's 400); nothing else is thrown.
 */
class ApplicationFormFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static void check(NewCase request) {
		List<FieldMessage> errors = new ArrayList<>();
		ApplicantCheck.atWindow(request.applicant(), java.util.EnumSet.allOf(Applicant.Kind.class), errors,
				(person, enterprise) -> Optional.empty());
		try {
			Map<String, String> form = ApplicationForm.parse(request.form());
			if (form.size() > ApplicationForm.MAX_FORM_FIELDS
					|| form.values().stream().anyMatch(v -> v.length() > ApplicationForm.MAX_TEXT)) {
				throw new AssertionError("form past its bounds accepted");
			}
			ApplicationForm.requireContact(form);
		}
		catch (Problem problem) {
			Fuzzing.requireChinese(problem);
		}
		errors.forEach(e -> Fuzzing.requireChinese(e.message()));
	}

	/** The request body as bytes, seeded with real applications. */
	@FuzzTest(maxDuration = "60s")
	void jsonBody(byte[] body) {
		NewCase request;
		try {
			request = JSON.readValue(body, NewCase.class);
		}
		catch (JacksonException unreadable) {
			return; // 400 from the API's handler of unreadable bodies
		}
		if (request != null) {
			check(request);
		}
	}

	/** Well-formed bodies with arbitrary values of arbitrary types in the form. */
	@FuzzTest(maxDuration = "60s")
	void formValues(FuzzedDataProvider data) {
		Map<String, Object> form = new HashMap<>();
		int fields = data.consumeInt(0, 110);
		for (int i = 0; i < fields; i++) {
			String key = data.consumeBoolean() ? data.pickValue(new String[] {"phone", "name", "address", ""}) : data.consumeString(70);
			Object value = switch (data.consumeInt(0, 5)) {
				case 0 -> data.consumeString(2100);
				case 1 -> data.consumeInt();
				case 2 -> List.of(data.consumeString(5));
				case 3 -> Map.of("x", data.consumeString(5));
				case 4 -> null;
				default -> data.consumeBoolean() ? "1" + data.consumeString(12) : "021-" + data.consumeString(9);
			};
			form.put(key, value);
		}
		NewCase.ApplicantInput applicant = data.consumeBoolean() ? null : new NewCase.ApplicantInput(
				data.pickValue(new String[] {"PERSON", "ENTERPRISE", " PERSON ", "x"}), data.consumeString(20),
				data.consumeString(20), data.consumeString(60), data.consumeString(60));
		check(new NewCase("item", "situation", applicant, form));
	}
}
