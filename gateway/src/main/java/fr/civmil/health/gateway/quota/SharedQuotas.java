package fr.civmil.health.gateway.quota;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import fr.civmil.health.gateway.config.EdgeConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Quotas across gateway replicas, through the database the gateways already share for the audit trail. Every
 * {@code civmil.edge.quota-sharing.interval}, each gateway writes how many requests it has let through per
 * client and route ({@code gateway_quota_usage}, one row per gateway, a running total), reads the others'
 * rows, and takes what they let through since it last looked from its own buckets. So every gateway's
 * buckets empty at the pace of the client's requests to all of them, and two gateways allow the quota, not
 * twice it. Requests never wait for the database: a client spread over n gateways may exceed its quota by
 * what n - 1 of them let through in one interval. If the database is away, each gateway enforces the quota
 * alone until it is back.
 */
@Singleton
public class SharedQuotas {

    private static final Logger LOG = Logger.getLogger(SharedQuotas.class);
    private static final String REPORT = "INSERT INTO gateway_quota_usage (gateway, client, route, taken, updated_at)"
            + " VALUES (?, ?, ?, ?, now()) ON CONFLICT (client, route, gateway)"
            + " DO UPDATE SET taken = EXCLUDED.taken, updated_at = now()";
    /** Rows of gateways that said nothing for an hour are gone (stopped replicas). */
    private static final String FORGET = "DELETE FROM gateway_quota_usage WHERE updated_at < now() - interval '1 hour'";

    private final DataSource dataSource;
    private final QuotaLimiter limiter;
    private final EdgeConfig.QuotaSharing config;
    private final String gateway = UUID.randomUUID().toString();
    /** Per bucket, the running total this gateway wrote last. */
    private final Map<String, Long> reported = new HashMap<>();
    /** Per bucket and other gateway, the running total read last and when it last changed. */
    private final Map<String, Seen> seen = new HashMap<>();
    /** The first round only learns where the others stand: what they let through before is not this gateway's concern. */
    private boolean baselined;
    private volatile boolean running = true;
    private long forgottenAt;
    private Thread worker;

    public SharedQuotas(DataSource dataSource, QuotaLimiter limiter, EdgeConfig config) {
        this.dataSource = dataSource;
        this.limiter = limiter;
        this.config = config.quotaSharing();
    }

    private record Seen(long taken, long at) {
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        worker = new Thread(this::loop, "gateway-shared-quotas");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(2000);
        }
    }

    private void loop() {
        boolean failing = false;
        while (running) {
            try {
                Thread.sleep(config.interval().toMillis());
                exchange();
                failing = false;
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                if (!failing) {
                    LOG.warnf("Quotas not shared with the other gateways for now (%s): this one enforces them alone", e.toString());
                }
                failing = true;
            }
        }
    }

    /** One round: say what this gateway let through, take from its buckets what the others did. */
    synchronized void exchange() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement report = connection.prepareStatement(REPORT)) {
                int rows = 0;
                for (Map.Entry<String, Long> bucket : limiter.taken().entrySet()) {
                    if (!bucket.getValue().equals(reported.get(bucket.getKey()))) {
                        String[] clientRoute = split(bucket.getKey());
                        report.setString(1, gateway);
                        report.setString(2, clientRoute[0]);
                        report.setString(3, clientRoute[1]);
                        report.setLong(4, bucket.getValue());
                        report.addBatch();
                        reported.put(bucket.getKey(), bucket.getValue());
                        rows++;
                    }
                }
                if (rows > 0) {
                    report.executeBatch();
                }
            }
            long now = System.nanoTime();
            try (PreparedStatement others = connection.prepareStatement(
                    "SELECT gateway, client, route, taken FROM gateway_quota_usage WHERE gateway <> ? AND updated_at > now() - interval '1 minute'")) {
                others.setString(1, gateway);
                try (ResultSet rs = others.executeQuery()) {
                    while (rs.next()) {
                        String key = QuotaLimiter.key(rs.getString(2), rs.getString(3));
                        long taken = rs.getLong(4);
                        Seen before = seen.get(key + '\n' + rs.getString(1));
                        if (before != null && before.taken() == taken) {
                            continue;
                        }
                        seen.put(key + '\n' + rs.getString(1), new Seen(taken, now));
                        // A new row is a bucket that gateway just started; a smaller total, one it dropped and started again.
                        long since = before == null || taken < before.taken() ? taken : taken - before.taken();
                        if (baselined && since > 0) {
                            limiter.takenElsewhere(key, since, now);
                        }
                    }
                }
            }
            baselined = true;
            if (now - forgottenAt > 60_000_000_000L) {
                forgottenAt = now;
                limiter.forgetOldDebts(now);
                seen.values().removeIf(entry -> now - entry.at() > 7_200_000_000_000L); // rows are deleted after an hour
                try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
                    forget.executeUpdate();
                }
            }
        }
    }

    private static String[] split(String key) {
        int at = key.lastIndexOf('\n');
        return new String[] { key.substring(0, at), key.substring(at + 1) };
    }
}
