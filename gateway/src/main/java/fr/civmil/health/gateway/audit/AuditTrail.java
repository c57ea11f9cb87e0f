package fr.civmil.health.gateway.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import fr.civmil.health.gateway.config.EdgeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The durable audit trail. The request path only offers a record to a bounded queue (never blocks);
 * one writer thread inserts them in JDBC batches. When the database is away, records wait in the
 * queue and are retried; if the queue fills up, new records are dropped and counted
 * ({@code gateway_audit_dropped_total}) rather than slowing every request down.
 */
@Singleton
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final String INSERT = "INSERT INTO gateway_audit (occurred_at, client, roles, method, path, route, status,"
            + " latency_ms, request_id, upstream) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final DataSource dataSource;
    private final EdgeConfig.Audit config;
    private final BlockingQueue<AuditRecord> queue;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean running = true;
    private Thread writer;

    public AuditTrail(DataSource dataSource, EdgeConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config.audit();
        this.queue = new ArrayBlockingQueue<>(this.config.queueCapacity());
        meters.gauge("gateway_audit_queued", queue, BlockingQueue::size);
        meters.more().counter("gateway_audit_dropped", List.of(), dropped);
    }

    void start(@Observes StartupEvent event) {
        writer = new Thread(this::writeLoop, "gateway-audit-writer");
        writer.setDaemon(true);
        writer.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        writer.interrupt();
        writer.join(5000);
    }

    /** Called on the event loop for every answered request. */
    public void record(AuditRecord record) {
        if (!queue.offer(record) && dropped.getAndIncrement() % 10_000 == 0) {
            LOG.warnf("Audit queue full (%d records): records are being dropped", config.queueCapacity());
        }
    }

    private void writeLoop() {
        List<AuditRecord> batch = new ArrayList<>(config.batchSize());
        long flushMillis = config.flushInterval().toMillis();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditRecord first = queue.poll(flushMillis, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, config.batchSize() - batch.size());
                write(batch);
                batch.clear();
            } catch (InterruptedException e) {
                // Shutting down: the loop drains what is left, then ends.
                running = false;
            } catch (SQLException e) {
                LOG.warnf("Audit batch of %d records not written yet (%s); retrying", batch.size(), e.getMessage());
                if (!running) {
                    return;
                }
                sleep(Math.max(flushMillis, 1000));
            }
        }
    }

    private void write(List<AuditRecord> batch) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (AuditRecord r : batch) {
                insert.setTimestamp(1, Timestamp.from(r.time()));
                insert.setString(2, r.client());
                insert.setString(3, String.join(",", r.roles()));
                insert.setString(4, r.method());
                insert.setString(5, r.path());
                insert.setString(6, r.route());
                insert.setInt(7, r.status());
                insert.setDouble(8, r.latencyMs());
                insert.setString(9, r.requestId());
                insert.setString(10, r.upstream());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
