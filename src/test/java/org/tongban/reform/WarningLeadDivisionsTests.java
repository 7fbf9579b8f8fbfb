package org.tongban.reform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.notification.Inbox;

/** The daily job tells a lead division about a late or nearly late task once, not every day. */
class WarningLeadDivisionsTests extends ReformIntegrationTest {

	@Autowired
	ReformWarnings warnings;

	@Autowired
	Inbox inbox;

	@Autowired
	ReformCockpit cockpit;

	private List<Inbox.Message> aboutTask8() {
		return inbox.messagesFor("biomed", "BIOMED", 1000).stream()
				.filter(m -> m.category().equals(ReformWarnings.CATEGORY) && "/reform/tasks/8".equals(m.link()))
				.toList();
	}

	@Test
	void aTaskDueWithinTenWorkingDaysIsAnnouncedOnceToItsLeadDivision() {
		// task 8 (生物医药处, 9月) is due on 2024-09-30, seven working days after Friday 2024-09-20
		warnings.raise(LocalDate.of(2024, 9, 20));
		warnings.raise(LocalDate.of(2024, 9, 20));
		warnings.raise(LocalDate.of(2024, 9, 23));
		assertThat(aboutTask8()).singleElement()
				.satisfies(m -> assertThat(m.title()).startsWith("改革任务即将到期：（8）"));
		assertThat(inbox.messagesFor("planning", "PLANNING", 1000))
				.noneMatch(m -> "/reform/tasks/8".equals(m.link()));
	}

	@Test
	void anOverdueTaskIsAnnouncedOnceMore() {
		warnings.raise(LocalDate.of(2024, 10, 8));
		warnings.raise(LocalDate.of(2024, 10, 9));
		assertThat(aboutTask8()).filteredOn(m -> m.title().startsWith("改革任务已逾期")).hasSize(1);
	}

	@Test
	void aTaskDueLaterIsNotYetDueSoon() {
		assertThat(cockpit.dueSoon(LocalDate.of(2024, 9, 1))).extracting(ReformTask::no).doesNotContain(8);
		assertThat(cockpit.dueSoon(LocalDate.of(2024, 9, 20))).extracting(ReformTask::no).contains(8);
	}

	@Test
	void workingDaysLeftFollowTheLegalCalendar() {
		// five weekdays, the make-up Sunday 29 September, and Monday 30 September
		assertThat(cockpit.workingDaysLeft(LocalDate.of(2024, 9, 20), LocalDate.of(2024, 9, 30))).hasValue(7);
		// a deadline in 2027, not entered yet, counts on its statutory holidays: 9 days in December, 1 January off, 10 more
		assertThat(cockpit.workingDaysLeft(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 15))).hasValue(19);
		// no warning is guessed across a year the calendar refuses (2023: before the amended 办法, not entered)
		assertThat(cockpit.workingDaysLeft(LocalDate.of(2023, 12, 20), LocalDate.of(2024, 1, 15))).isEmpty();
	}
}
