package org.tongban.guidance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo adapter of {@link Registers}: made-up records in data/registers/*.json, read once at start-up.
 * Each file names its source, e.g. “公安人口库（演示）”, so nobody mistakes demo data for a real register.
 */
@Component
class FileRegisters implements Registers {

	private record PersonRecord(String idNumber, String name, String address, String phone) {
	}

	private record EnterpriseRecord(String uscc, String name, String legalRepresentative, String address) {
	}

	private record LicenceRecord(String holder, String name, String number, String issuer, String validUntil) {
	}

	private record PersonFile(String source, List<PersonRecord> records) {
	}

	private record EnterpriseFile(String source, List<EnterpriseRecord> records) {
	}

	private record LicenceFile(String source, List<LicenceRecord> records) {
	}

	private final List<Person> persons;
	private final List<Enterprise> enterprises;
	private final List<Licence> licences;

	FileRegisters(JsonMapper json) {
		PersonFile p = read(json, "persons.json", PersonFile.class);
		EnterpriseFile e = read(json, "enterprises.json", EnterpriseFile.class);
		LicenceFile l = read(json, "licences.json", LicenceFile.class);
		this.persons = p.records().stream()
				.map(r -> new Person(r.idNumber(), r.name(), r.address(), r.phone(), p.source())).toList();
		this.enterprises = e.records().stream()
				.map(r -> new Enterprise(r.uscc(), r.name(), r.legalRepresentative(), r.address(), e.source())).toList();
		this.licences = l.records().stream()
				.map(r -> new Licence(r.holder(), r.name(), r.number(), r.issuer(), r.validUntil(), l.source())).toList();
	}

	@Override
	public Optional<Person> person(String idNumber) {
		return persons.stream().filter(p -> p.idNumber().equalsIgnoreCase(idNumber)).findFirst();
	}

	@Override
	public Optional<Enterprise> enterprise(String uscc) {
		return enterprises.stream().filter(e -> e.uscc().equalsIgnoreCase(uscc)).findFirst();
	}

	@Override
	public List<Licence> licences(String holder) {
		return licences.stream().filter(l -> l.holder().equalsIgnoreCase(holder)).toList();
	}

	private static <T> T read(JsonMapper json, String file, Class<T> type) {
		try (InputStream in = new ClassPathResource("data/registers/" + file).getInputStream()) {
			return json.readValue(in, type);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read register " + file, ex);
		}
	}
}
