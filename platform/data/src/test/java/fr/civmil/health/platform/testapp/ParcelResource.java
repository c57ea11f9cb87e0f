package fr.civmil.health.platform.testapp;

import java.net.URI;
import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.outbox.EventType;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.outbox.OutboxEvent;
import fr.civmil.health.platform.problem.ApiProblem;
import io.quarkus.hibernate.orm.panache.Panache;

/** Changes that publish events, one that rolls back, and the consumer's projection. */
@Path("/test/parcels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ParcelResource {

    public record ParcelInput(@NotBlank String name) {
    }

    public record ParcelView(long id, String name) {
    }

    /** A typed event: type and aggregate from its annotation, the subject "parcel <id>", the data its components. */
    @EventType(value = "fr.civmil.test.parcel.created.v1", aggregate = "parcel")
    public record ParcelCreated(long parcelId, String name) implements OutboxEvent {

        @Override
        public String aggregateId() {
            return String.valueOf(parcelId);
        }
    }

    @EventType(value = "fr.civmil.test.parcel.moved.v1", aggregate = "parcel")
    public record ParcelMoved(long parcelId, int step) implements OutboxEvent {

        @Override
        public String aggregateId() {
            return String.valueOf(parcelId);
        }
    }

    private final Outbox outbox;
    private final IdempotentCreations idempotency;

    public ParcelResource(Outbox outbox, IdempotentCreations idempotency) {
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    @POST
    public Response create(@HeaderParam(IdempotentCreations.HEADER) String key, @Valid @NotNull ParcelInput input) {
        return idempotency.create("parcels", key, input, () -> {
            Parcel parcel = new Parcel();
            parcel.name = input.name();
            parcel.persist();
            Panache.getEntityManager().flush();
            outbox.record(new ParcelCreated(parcel.id, parcel.name));
            return Response.created(URI.create("/test/parcels/" + parcel.id)).entity(new ParcelView(parcel.id, parcel.name)).build();
        });
    }

    @POST
    @Path("/{id}/moves/{step}")
    @Consumes(MediaType.WILDCARD)
    @Transactional
    public Response move(@PathParam("id") long id, @PathParam("step") int step) {
        Parcel parcel = Parcel.findById(id);
        if (parcel == null) {
            throw ApiProblem.notFound("parcel", id);
        }
        outbox.record(new ParcelMoved(id, step));
        return Response.accepted().build();
    }

    /** Records an event, then fails: the transaction rolls back and the event must never be published. */
    @POST
    @Path("/doomed")
    @Transactional
    public Response doomed(@Valid @NotNull ParcelInput input) {
        Parcel parcel = new Parcel();
        parcel.name = input.name();
        parcel.persist();
        Panache.getEntityManager().flush();
        outbox.record(new ParcelCreated(parcel.id, parcel.name));
        throw ApiProblem.conflict("doomed");
    }

    @GET
    @Path("/count")
    public Map<String, Long> count() {
        return Map.of("parcels", Parcel.count());
    }

    @PUT
    @Path("/projection/crashing/{on}")
    @Consumes(MediaType.WILDCARD)
    public void crashing(@PathParam("on") boolean on) {
        ParcelProjection.crashing = on;
    }

    @GET
    @Path("/projection/{key}")
    public Response projection(@PathParam("key") String key) {
        var rows = Panache.getEntityManager()
                .createNativeQuery("select applied_count, last_event_type from test_projection where key = ?1")
                .setParameter(1, key).getResultList();
        if (rows.isEmpty()) {
            throw ApiProblem.notFound("projection", key);
        }
        Object[] row = (Object[]) rows.get(0);
        return Response.ok(Map.of("appliedCount", row[0], "lastEventType", row[1])).build();
    }
}
