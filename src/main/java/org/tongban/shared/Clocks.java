package org.tongban.shared;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the product, in the commission's time zone; tests replace it to travel in time. */
@Configuration(proxyBeanMethods = false)
class Clocks {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock clock() {
		return Clock.system(SHANGHAI);
	}
}
