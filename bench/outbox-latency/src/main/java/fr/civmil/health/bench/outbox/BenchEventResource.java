package fr.civmil.health.bench.outbox;

import java.util.Map;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import fr.civmil.health.platform.outbox.Outbox;

/** Commits one outbox event per request, as a service change would. */
@Path("/bench/events")
public class BenchEventResource {

    private final Outbox outbox;

    public BenchEventResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("/{aggregate}/{seq}")
    @Transactional
    public void record(@PathParam("aggregate") String aggregate, @PathParam("seq") long seq) {
        outbox.record("bench", aggregate, "fr.civmil.bench.event.v1", null,
                Map.of("seq", seq, "committedAtNanos", System.nanoTime()));
    }
}
