package fr.civmil.health.referral.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.civmil.health.referral.config.ReferralConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes what the service no longer needs to keep about households: requests ended (closed, cancelled, expired) more
 * than the configured months ago, with their needs and proposals, and read-audit rows older than the configured
 * years. Safe with several replicas: one purge at a time holds a transaction-scoped PostgreSQL advisory lock, the others
 * skip that round; each round is two idempotent DELETEs.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class);

    /** The advisory lock of the purge ("referral retention"), shared by every replica. */
    public static final long LOCK = 0x72657465_6e74696fL;

    /** What a round did; {@code ran} is false when another replica held the lock. */
    public record Purged(boolean ran, int requests, int reads) {
    }

    private final EntityManager entityManager;
    private final ReferralConfig config;

    public Retention(EntityManager entityManager, ReferralConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Transactional
    public Purged purge(OffsetDateTime now) {
        boolean locked = (Boolean) entityManager.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, LOCK)
                .getSingleResult();
        if (!locked) {
            return new Purged(false, 0, 0);
        }
        int requests = entityManager.createNativeQuery("""
                delete from referral_request where status in ('CLOSED', 'CANCELLED', 'EXPIRED') and ended_at < ?1""")
                .setParameter(1, now.minusMonths(config.retention().endedRequestsMonths())).executeUpdate();
        int reads = entityManager.createNativeQuery("delete from referral_request_read where read_at < ?1")
                .setParameter(1, now.minusYears(config.retention().readAuditYears())).executeUpdate();
        return new Purged(true, requests, reads);
    }

    @Scheduled(every = "${civmil.referral.retention.check-every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOldData() {
        Purged purged = purge(OffsetDateTime.now(ZoneOffset.UTC));
        if (purged.requests() + purged.reads() > 0) {
            LOG.infof("Retention: deleted %d ended referral request(s) and %d read-audit row(s)", purged.requests(), purged.reads());
        }
    }
}
