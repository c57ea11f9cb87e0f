package fr.civmil.health.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Records an event id and applies the handler in one transaction. */
@ApplicationScoped
public class InboxTransactions {

    private final EntityManager entityManager;

    public InboxTransactions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** What became of an event. */
    public enum Outcome {
        APPLIED,
        /** Already processed by this consumer. */
        DUPLICATE,
        /** Older than an event of the same aggregate already applied: recorded, not applied over the newer state. */
        STALE
    }

    /** Records the event and, unless it is a duplicate or stale, applies it: all in one transaction. */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public Outcome processOnce(InboxHandler handler, CloudEvent event) throws Exception {
        int inserted = entityManager.createNativeQuery("""
                insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, handler.name())
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        if (event.sequence() != null && event.key() != null) {
            int newer = entityManager.createNativeQuery("""
                    insert into inbox_aggregate (consumer, source, aggregate, last_sequence) values (?1, ?2, ?3, ?4)
                    on conflict (consumer, source, aggregate) do update set last_sequence = excluded.last_sequence
                    where inbox_aggregate.last_sequence < excluded.last_sequence""")
                    .setParameter(1, handler.name())
                    .setParameter(2, event.source())
                    .setParameter(3, event.key())
                    .setParameter(4, event.sequence())
                    .executeUpdate();
            if (newer == 0) {
                return Outcome.STALE;
            }
        }
        handler.handle(event);
        return Outcome.APPLIED;
    }
}
