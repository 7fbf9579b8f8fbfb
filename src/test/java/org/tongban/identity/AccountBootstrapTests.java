package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

/** On a configured server without demo data, the product refuses to start with nobody able to administer it. */
class AccountBootstrapTests {

	private final Accounts accounts = mock(Accounts.class);
	private final AccountManagement management = mock(AccountManagement.class);

	@Test
	void withoutDemoDataAndWithoutAnAdminPasswordStartUpFailsWithAClearMessage() {
		when(accounts.anyAdministrator()).thenReturn(false);
		assertThatThrownBy(() -> new AccountBootstrap(accounts, management, false, "").afterPropertiesSet())
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("TONGBAN_ADMIN_PASSWORD");
	}

	@Test
	void aWeakInitialAdminPasswordIsRefused() {
		when(accounts.anyAdministrator()).thenReturn(false);
		assertThatThrownBy(() -> new AccountBootstrap(accounts, management, false, "admin").afterPropertiesSet())
				.hasMessageContaining("密码");
	}

	@Test
	void theInitialAdminIsCreatedOnceAndNoDemoAccountsWithoutDemoData() {
		when(accounts.anyAdministrator()).thenReturn(false);
		AccountBootstrap bootstrap = new AccountBootstrap(accounts, management, false, "A-strong-secret-1");
		bootstrap.afterPropertiesSet();
		bootstrap.createAccounts();
		verify(management).createInitialAdministrator("A-strong-secret-1");

		Accounts existing = mock(Accounts.class);
		AccountManagement untouched = mock(AccountManagement.class);
		when(existing.anyAdministrator()).thenReturn(true);
		AccountBootstrap again = new AccountBootstrap(existing, untouched, false, "");
		again.afterPropertiesSet();
		again.createAccounts();
		verify(untouched, never()).create(any(), org.mockito.ArgumentMatchers.anyBoolean());
		verify(untouched, never()).createInitialAdministrator(any());
	}
}
