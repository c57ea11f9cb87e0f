package fr.civmil.health.platform.idempotency;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.problem.ApiProblem;
import io.quarkus.scheduler.Scheduled;

/**
 * {@code Idempotency-Key} for creations: the first request's response is stored in the same
 * transaction as the creation; a retry with the same key and body gets that response again
 * ({@code Idempotency-Replayed: true}) and creates nothing; the same key with another body is 422.
 */
@ApplicationScoped
public class IdempotentCreations {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public IdempotentCreations(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /**
     * Runs the creation once per (scope, key). Without a key, simply runs it.
     *
     * @param scope   the kind of resource, e.g. {@code priority-zones}
     * @param key     the client's Idempotency-Key header, may be null
     * @param request the request body, to tell a retry from a different request
     */
    @Transactional(rollbackOn = Exception.class)
    public Response create(String scope, String key, Object request, Supplier<Response> creation) {
        if (key == null) {
            return creation.get();
        }
        if (key.isBlank() || key.length() > 200 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ApiProblem.invalidField(HEADER, "field.idempotency-key");
        }
        String hash = hash(request);
        // Serialises concurrent requests with the same key until the first one commits.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1), hashtext(?2))")
                .setParameter(1, scope).setParameter(2, key).getSingleResult();
        List<?> stored = entityManager.createNativeQuery(
                "select request_hash, status, location, body from idempotency_key where scope = ?1 and key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        if (!stored.isEmpty()) {
            Object[] row = (Object[]) stored.get(0);
            if (!hash.equals(row[0])) {
                throw ApiProblem.unprocessable("idempotency-key-reused", key);
            }
            Response.ResponseBuilder replay = Response.status(((Number) row[1]).intValue()).header(REPLAYED, "true");
            if (row[2] != null) {
                replay.location(URI.create((String) row[2]));
            }
            if (row[3] != null) {
                replay.entity(readTree((String) row[3])).type("application/json");
            }
            return replay.build();
        }
        Response response = creation.get();
        entityManager.createNativeQuery("""
                insert into idempotency_key (scope, key, request_hash, status, location, body)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash)
                .setParameter(4, response.getStatus())
                .setParameter(5, response.getLocation() == null ? null : response.getLocation().toString())
                .setParameter(6, response.hasEntity() ? write(response.getEntity()) : null)
                .executeUpdate();
        return response;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void forgetOldKeys() {
        entityManager.createNativeQuery("delete from idempotency_key where created_at < now() - interval '24 hours'")
                .executeUpdate();
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
