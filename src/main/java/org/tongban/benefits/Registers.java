package org.tongban.benefits;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The registers the commission reads about one person: population (公安), retirement (社保) and hardship (民政)
 * status, screening and check-up history, family-doctor contracts and pre-pregnancy bookings. The demo adapter
 * keeps them in the module's own tables, where the bulk matcher reads them set-wise.
 */
interface Registers {

	record Person(String idNumber, String sex, LocalDate birthDate, boolean householdLocal, String street,
			LocalDate recordedOn, String source) {
	}

	record Status(String kind, LocalDate since, LocalDate until, String source) {
	}

	record Service(String kind, LocalDate servedOn, String institution, String source) {
	}

	record Contract(LocalDate signedOn, LocalDate endedOn, String institution, String source) {
	}

	record Booking(LocalDate bookedOn, String partnerIdNumber, boolean partnerLocal, String source) {
	}

	/** Everything the registers hold about one person. */
	record PersonFile(Person person, List<Status> statuses, List<Service> services, List<Contract> contracts,
			List<Booking> bookings) {
	}

	Optional<PersonFile> file(String idNumber);
}
