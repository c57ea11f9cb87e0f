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

    /** @return false when this consumer had already processed the event (nothing is changed). */
    @Transactional(value = Transactional.TxType.REQUIRES_NEW, rollbackOn = Exception.class)
    public boolean processOnce(InboxHandler handler, CloudEvent event) throws Exception {
        int inserted = entityManager.createNativeQuery("""
                insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, handler.name())
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        handler.handle(event);
        return true;
    }
}
