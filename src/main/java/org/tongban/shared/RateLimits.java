package org.tongban.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rate limits shared by every instance: token buckets (Bucket4j) kept in PostgreSQL, one row per limit and
 * client. A limit refills all at once at the end of its period (a fixed window that starts at a client's
 * first request). Time comes from the product's {@link Clock}. Each limit has a default chosen by the module
 * that uses it and may be set with {@code tongban.rate-limits.<name>.capacity} and {@code .period};
 * {@code tongban.rate-limits.enabled=false} switches them all off.
 * <p>
 * A client is its address as the servlet container sees it (behind a proxy, set
 * {@code server.forward-headers-strategy}); IPv6 addresses count per /64, the block one subscriber holds.
 */
@Component
public class RateLimits {

	private static final String TABLE = "shared_rate_limit_bucket";

	private final ProxyManager<String> buckets;
	private final JdbcClient jdbc;
	private final Environment env;
	private final Clock clock;
	private final boolean enabled;

	RateLimits(DataSource dataSource, JdbcClient jdbc, Environment env, Clock clock) {
		this.jdbc = jdbc;
		this.env = env;
		this.clock = clock;
		this.enabled = env.getProperty("tongban.rate-limits.enabled", Boolean.class, true);
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table(TABLE)
			.clientClock(new ClockTimeMeter(clock))
			// the row may go once the bucket is full again (a new one is the same). Bucket4j's own expiry column
			// would count from the system clock, not the product's: this one counts from the product's
			.addCustomColumn(new ExpiresAt())
			.build();
	}

	/**
	 * A limit of {@code capacity} requests per {@code period}, unless the configuration says otherwise.
	 * The key of a bucket names its capacity and period, so a changed setting starts new buckets.
	 */
	public Limit limit(String name, long capacity, Duration period) {
		String prefix = "tongban.rate-limits." + name + ".";
		return new Limit(name, env.getProperty(prefix + "capacity", Long.class, capacity),
				env.getProperty(prefix + "period", Duration.class, period));
	}

	/** Counts one request of the client of {@code request}; throws {@link RateLimited} when the limit is reached. */
	public void check(Limit limit, HttpServletRequest request) {
		check(limit, client(request));
	}

	/** Counts one request for {@code key}; throws {@link RateLimited} when the limit is reached. */
	public void check(Limit limit, String key) {
		if (!enabled) {
			return;
		}
		ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new RateLimited(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
	}

	/** Counts one event for {@code key} (e.g. a failed sign-in), whether or not the limit was already reached. */
	public void count(Limit limit, String key) {
		if (enabled) {
			bucket(limit, key).tryConsume(1);
		}
	}

	/** How long until {@code key} may go on, if its limit is reached now; counts nothing. */
	public Optional<Duration> exhausted(Limit limit, String key) {
		if (!enabled) {
			return Optional.empty();
		}
		EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
		return probe.canBeConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/** Starts {@code key} afresh (e.g. after a successful sign-in). */
	public void forget(Limit limit, String key) {
		if (enabled) {
			buckets.removeProxy(limit.key(key));
		}
	}

	/** Deletes the buckets that are full again by the product's clock, in batches; returns how many went. */
	public int removeExpired() {
		int total = 0;
		int removed;
		do {
			removed = jdbc.sql("DELETE FROM " + TABLE + " WHERE id IN (SELECT id FROM " + TABLE
					+ " WHERE expires_at < ? LIMIT 1000 FOR UPDATE SKIP LOCKED)")
				.param(clock.millis())
				.update();
			total += removed;
		}
		while (removed == 1000);
		return total;
	}

	private io.github.bucket4j.distributed.BucketProxy bucket(Limit limit, String key) {
		return buckets.builder().build(limit.key(key), limit::configuration);
	}

	/** The client of a request: its address, IPv6 cut to its /64. */
	public static String client(HttpServletRequest request) {
		return client(request.getRemoteAddr());
	}

	public static String client(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		// only literal addresses get here (the container's remote address): no name is looked up
		if (!address.contains(":")) {
			return address;
		}
		try {
			byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address.substring(1, address.length() - 1)
					: address).getAddress();
			if (bytes.length == 4) {
				return InetAddress.getByAddress(bytes).getHostAddress();
			}
			return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
		}
		catch (UnknownHostException e) {
			return address;
		}
	}

	/** A named limit: so many requests per period. */
	public record Limit(String name, long capacity, Duration period) {

		public Limit {
			if (capacity < 1 || period.isZero() || period.isNegative()) {
				throw new IllegalArgumentException("rate limit " + name + ": capacity and period must be positive");
			}
		}

		String key(String client) {
			// a client key may be anything a caller sends (an account name): long ones are hashed to fit the column
			String c = client.length() <= 100 ? client : Sm3.hex(client);
			return name + ":" + capacity + "/" + period.toSeconds() + ":" + c;
		}

		BucketConfiguration configuration() {
			return BucketConfiguration.builder()
				.addLimit(l -> l.capacity(capacity).refillIntervally(capacity, period))
				.build();
		}
	}

	/** expires_at in epoch milliseconds of the product's clock: when the bucket is full again. */
	private static final class ExpiresAt implements CustomColumnProvider<String> {

		private final ExpirationAfterWriteStrategy whenFull = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);

		@Override
		public void setCustomField(String key, int index, PreparedStatement statement, RemoteBucketState state,
				long currentTimeNanos) throws SQLException {
			statement.setLong(index, currentTimeNanos / 1_000_000 + whenFull.calculateTimeToLiveMillis(state, currentTimeNanos));
		}

		@Override
		public String getCustomFieldName() {
			return "expires_at";
		}
	}

	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = clock.instant();
			return now.getEpochSecond() * 1_000_000_000L + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}
	}
}
