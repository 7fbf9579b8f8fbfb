package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A client is counted by its IPv4 address, or by the /64 its IPv6 address is in (one subscriber's block). */
class ClientAddressTests {

	@Test
	void ipv6AddressesInOneSlash64CountAsOneClient() {
		assertThat(RateLimits.client("2001:db8:1:2:aaaa::1")).isEqualTo(RateLimits.client("2001:db8:1:2:bbbb:cccc:dddd:2"))
			.isEqualTo("20010db800010002::/64");
		assertThat(RateLimits.client("2001:db8:1:3::1")).isNotEqualTo(RateLimits.client("2001:db8:1:2::1"));
		assertThat(RateLimits.client("[2001:db8:1:2::1]")).isEqualTo("20010db800010002::/64");
	}

	@Test
	void ipv4AddressesAreTheirOwnClientAlsoWhenMappedIntoIpv6() {
		assertThat(RateLimits.client("10.1.2.3")).isEqualTo("10.1.2.3");
		assertThat(RateLimits.client("::ffff:10.1.2.3")).isEqualTo("10.1.2.3");
		assertThat(RateLimits.client((String) null)).isEqualTo("unknown");
	}
}
