package org.tongban.supervision;

import java.util.Set;
import java.util.SplittableRandom;

import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.identity.AccountManagement;
import org.tongban.identity.Role;
import org.tongban.support.BrowserTest;

/** Browser tests of what a business does for its own registered entity. */
abstract class EnterpriseBrowserTest extends BrowserTest {

	private static final String PASSWORD = "Enterprise-browser-2026!";

	@Autowired
	Register register;

	@Autowired
	AccountManagement accounts;

	/** Registers an entity, makes an enterprise account carrying its USCC, signs in as it; the USCC. */
	String signInAsNewEnterprise(String name, String sector, String address) {
		String uscc = DemoDistrict.uscc(new SplittableRandom());
		register.register(new Register.NewEntity(uscc, name, sector, address, "陆家嘴街道"));
		String username = "ent-browser-" + uscc.substring(10).toLowerCase();
		accounts.create(new AccountManagement.NewAccount(username, name, PASSWORD, Set.of(Role.ENTERPRISE), null, null,
				uscc, null));
		signIn(username, PASSWORD);
		return uscc;
	}
}
