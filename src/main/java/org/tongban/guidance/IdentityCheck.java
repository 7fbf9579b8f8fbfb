package org.tongban.guidance;

import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Compares a name with the population register (人口库) for the window, where a clerk opens a case for
 * someone standing at the counter. Empty when the register does not know the number.
 */
@Service
public class IdentityCheck {

	private final Registers registers;

	IdentityCheck(Registers registers) {
		this.registers = registers;
	}

	public Optional<Boolean> personNameMatches(String idNumber, String name) {
		return registers.person(idNumber).map(p -> p.name().equals(name == null ? null : name.strip()));
	}

	public Optional<Boolean> enterpriseNameMatches(String uscc, String name) {
		return registers.enterprise(uscc).map(e -> e.name().equals(name == null ? null : name.strip()));
	}
}
