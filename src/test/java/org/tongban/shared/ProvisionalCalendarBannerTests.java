package org.tongban.shared;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.tongban.support.TestClock;

/**
 * From 1 November, when next year's arrangement is not entered, every page an administrator sees says that
 * deadlines run on the provisional calendar; nobody else is told. In the test database 2027 is not entered.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ProvisionalCalendarBannerTests {

	private static final String PASSWORD = "tongban-demo";
	private static final String BANNER_2027 = "2027 年法定节假日安排尚未录入，期限暂按预计日历计算。";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestClock clock;

	@AfterEach
	void backToTheSuitesDay() {
		clock.reset();
	}

	private ResultActions page(String path, String user) throws Exception {
		return mvc.perform(user == null ? get(path) : get(path).with(httpBasic(user, PASSWORD)));
	}

	@Test
	void fromTheFirstOfNovemberEveryAdministratorsPageSaysNextYearIsProvisional() throws Exception {
		clock.travelTo(LocalDate.of(2026, 11, 1));
		for (String path : new String[] {"/", "/admin/calendar", "/admin/accounts", "/admin/calendar/2024"}) {
			page(path, "admin")
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<div class=\"header-notice\" role=\"status\">")))
				.andExpect(content().string(containsString(BANNER_2027)))
				.andExpect(content().string(containsString("<a href=\"/admin/calendar\">前往工作日历录入</a>")));
		}
		// an error page the exception handlers render has the header too
		page("/admin/calendar/1999", "admin").andExpect(status().isBadRequest())
			.andExpect(content().string(containsString(BANNER_2027)));
		clock.travelTo(LocalDate.of(2026, 12, 31));
		page("/", "admin").andExpect(content().string(containsString(BANNER_2027)));
	}

	@Test
	void beforeNovemberThereIsNoBanner() throws Exception {
		page("/admin/calendar", "admin").andExpect(status().isOk())
			.andExpect(content().string(not(containsString("header-notice"))));
		clock.travelTo(LocalDate.of(2026, 10, 31));
		page("/admin/calendar", "admin").andExpect(content().string(not(containsString("header-notice"))));
	}

	@Test
	void onlyAdministratorsAreTold() throws Exception {
		clock.travelTo(LocalDate.of(2026, 11, 2));
		for (String user : new String[] {null, "citizen", "clerk"}) {
			page("/", user).andExpect(status().isOk())
				.andExpect(content().string(not(containsString("header-notice"))))
				.andExpect(content().string(not(containsString("年法定节假日安排尚未录入"))));
		}
	}

	@Test
	void inAYearThatIsStillProvisionalTheBannerNamesThatYear() throws Exception {
		clock.travelTo(LocalDate.of(2027, 3, 1));
		page("/", "admin").andExpect(content().string(containsString(BANNER_2027)));
	}
}
