package io.proxima.adapter.in.rest.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Token buckets (Bucket4j) per client: {@code auth} (per IP, on the anonymous {@code /auth/*}
 * routes) and {@code api} (per user, or per IP when anonymous, everywhere else under {@code /api}).
 * Each category is kept either in this instance's memory ({@code local}) or in PostgreSQL
 * ({@code postgresql}, shared by every instance: one row per key, select-for-update).
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final int MAX_LOCAL_BUCKETS = 100_000;

    public enum Category { AUTH, API }

    public enum Store { LOCAL, POSTGRESQL }

    /** The outcome of one request against its bucket. */
    public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final boolean enabled;
    private final Store authStore;
    private final Store apiStore;
    private final Instance<DataSource> dataSource;
    private final Map<String, Bucket> local = new ConcurrentHashMap<>();
    private volatile int authPerMinute;
    private volatile int apiPerMinute;
    private volatile ProxyManager<String> shared;

    @Inject
    public RateLimiter(@ConfigProperty(name = "proxima.ratelimit.enabled", defaultValue = "true") boolean enabled,
                       @ConfigProperty(name = "proxima.ratelimit.auth-per-minute", defaultValue = "10") int authPerMinute,
                       @ConfigProperty(name = "proxima.ratelimit.api-per-minute", defaultValue = "100") int apiPerMinute,
                       @ConfigProperty(name = "proxima.ratelimit.auth-store", defaultValue = "postgresql") String authStore,
                       @ConfigProperty(name = "proxima.ratelimit.api-store", defaultValue = "local") String apiStore,
                       Instance<DataSource> dataSource) {
        this.enabled = enabled;
        this.authPerMinute = positive("proxima.ratelimit.auth-per-minute", authPerMinute);
        this.apiPerMinute = positive("proxima.ratelimit.api-per-minute", apiPerMinute);
        this.authStore = Store.valueOf(authStore.trim().toUpperCase(Locale.ROOT));
        this.apiStore = Store.valueOf(apiStore.trim().toUpperCase(Locale.ROOT));
        this.dataSource = dataSource;
    }

    public boolean enabled() {
        return enabled;
    }

    public Store store(Category category) {
        return category == Category.AUTH ? authStore : apiStore;
    }

    /** Takes one token for {@code subject} (an IP or a user id) in {@code category}. */
    public Decision consume(Category category, String subject) {
        int limit = category == Category.AUTH ? authPerMinute : apiPerMinute;
        // The limit is part of the key: a changed limit starts fresh buckets instead of reusing old state.
        String key = category.name().toLowerCase(Locale.ROOT) + ":" + limit + ":" + subject;
        ConsumptionProbe probe = bucket(category, key, limit).tryConsumeAndReturnRemaining(1);
        long reset = seconds(probe.getNanosToWaitForReset());
        return new Decision(probe.isConsumed(), limit, probe.getRemainingTokens(), reset,
                probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private Bucket bucket(Category category, String key, int limit) {
        if (store(category) == Store.POSTGRESQL) {
            return sharedBuckets().builder().build(key, () -> configuration(limit));
        }
        if (local.size() > MAX_LOCAL_BUCKETS) {
            local.clear(); // crude but bounded: a full map is only reached by address scans
        }
        return local.computeIfAbsent(key, k -> Bucket.builder().addLimit(bandwidth(limit)).build());
    }

    private ProxyManager<String> sharedBuckets() {
        ProxyManager<String> pm = shared;
        if (pm == null) {
            synchronized (this) {
                if (shared == null) {
                    shared = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource.get())
                            .primaryKeyMapper(PrimaryKeyMapper.STRING)
                            .table("rate_limit_buckets").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                            .build();
                }
                pm = shared;
            }
        }
        return pm;
    }

    private static BucketConfiguration configuration(int limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(int perMinute) {
        return Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build();
    }

    /**
     * Changes the limits at run time (tests raise them so that flows are not throttled, and lower
     * them to test throttling). Buckets of the old limits are simply no longer used.
     */
    public void setLimits(int authPerMinute, int apiPerMinute) {
        this.authPerMinute = positive("auth", authPerMinute);
        this.apiPerMinute = positive("api", apiPerMinute);
        local.clear();
    }

    public int authPerMinute() {
        return authPerMinute;
    }

    public int apiPerMinute() {
        return apiPerMinute;
    }

    /** Deletes shared buckets that are full again (Bucket4j stamps an expiry on each write). */
    public int purgeExpired() {
        if (authStore != Store.POSTGRESQL && apiStore != Store.POSTGRESQL) {
            return 0;
        }
        try (Connection c = dataSource.get().getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM rate_limit_buckets WHERE expires_at < ?")) {
            ps.setLong(1, System.currentTimeMillis());
            return ps.executeUpdate();
        } catch (SQLException e) {
            LOG.warnf("could not purge expired rate-limit buckets: %s", e.getMessage());
            return 0;
        }
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }

    private static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }
}
