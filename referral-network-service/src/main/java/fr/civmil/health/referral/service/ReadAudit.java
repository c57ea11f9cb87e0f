package fr.civmil.health.referral.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.referral.service.ReferralResults.ReadView;

/**
 * The audit trail of referral-request reads: written in the transaction of the read itself, so
 * a request is never returned without its read being recorded.
 */
@ApplicationScoped
public class ReadAudit {

    public static final Map<String, String> SORTS = Map.of("readAt", "read_at", "reader", "reader", "requestId", "request_id");

    private final EntityManager entityManager;

    public ReadAudit(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Caller reader, String httpRequestId, String operation, Collection<UUID> requestIds) {
        if (requestIds.isEmpty()) {
            return;
        }
        entityManager.createNativeQuery("""
                insert into referral_request_read (reader, request_id, http_request_id, operation)
                select ?1, r, ?2, ?3 from unnest(cast(?4 as uuid[])) as r""")
                .setParameter(1, reader.subject()).setParameter(2, httpRequestId).setParameter(3, operation)
                .setParameter(4, requestIds.stream().map(UUID::toString).toArray(String[]::new))
                .executeUpdate();
    }

    public Page<ReadView> search(UUID requestId, String reader, OffsetDateTime from, OffsetDateTime to, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        if (requestId != null) {
            where.append(" and request_id = :requestId");
            params.put("requestId", requestId);
        }
        if (reader != null) {
            where.append(" and reader = :reader");
            params.put("reader", reader);
        }
        if (from != null) {
            where.append(" and read_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" and read_at < :to");
            params.put("to", to);
        }
        String order = String.join(", ", page.orders(SORTS, "-readAt", "id").stream()
                .map(o -> o.column() + (o.descending() ? " desc" : " asc")).toList());
        Query count = entityManager.createNativeQuery("select count(*) from referral_request_read" + where);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();
        Query rows = entityManager.createNativeQuery("select id, read_at, reader, request_id, http_request_id, operation"
                + " from referral_request_read" + where + " order by " + order + " limit :limit offset :offset");
        params.forEach(rows::setParameter);
        rows.setParameter("limit", page.size).setParameter("offset", page.offset());
        List<ReadView> items = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            items.add(new ReadView(Rows.number(r[0]), Rows.time(r[1]), (String) r[2], Rows.uuid(r[3]), (String) r[4], (String) r[5]));
        }
        return Page.of(items, page, total);
    }
}
