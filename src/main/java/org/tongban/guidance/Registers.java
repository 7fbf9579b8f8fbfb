package org.tongban.guidance;

import java.util.List;
import java.util.Optional;

/**
 * The registers the authority may read to pre-fill an application (人口库, 法人库, 电子证照库). A port:
 * today a file-backed demo adapter, later the data-sharing platform. Each record names its source.
 */
interface Registers {

	Optional<Person> person(String idNumber);

	Optional<Enterprise> enterprise(String uscc);

	/** Licences held by a person (ID number) or an enterprise (USCC). */
	List<Licence> licences(String holder);

	record Person(String idNumber, String name, String address, String phone, String source) {
	}

	record Enterprise(String uscc, String name, String legalRepresentative, String address, String source) {
	}

	record Licence(String holder, String name, String number, String issuer, String validUntil, String source) {
	}
}
