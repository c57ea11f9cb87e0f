package fr.civmil.health.platform.testapp;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.platform.strict.MultiLine;

/** A tiny in-memory resource that exercises the chassis the way a service resource does. */
@Path("/test/notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class NoteResource {

    private static final Logger LOG = Logger.getLogger(NoteResource.class);

    public record NoteInput(@NotBlank @Size(max = 100) String title, @NotNull @Identifier(IdentifierKind.SIREN) String siren,
            @Min(0) Integer days, @Size(max = 3) List<@Valid Line> lines, Kind kind, Boolean urgent,
            @MultiLine @Size(max = 2000) String body, BigDecimal share) {
    }

    public enum Kind {
        MEMO, MINUTES
    }

    public record Line(@NotBlank String text) {
    }

    public record Note(long id, long version, String title, String siren, Integer days) {
    }

    static final Map<Long, Note> NOTES = new ConcurrentHashMap<>();
    static final AtomicLong IDS = new AtomicLong();

    @POST
    public Response create(@Valid @NotNull NoteInput input) {
        Note note = new Note(IDS.incrementAndGet(), 1, input.title(), input.siren(), input.days());
        NOTES.put(note.id(), note);
        return Response.created(URI.create("/test/notes/" + note.id())).header("ETag", Etags.of(1)).entity(note).build();
    }

    @GET
    public Page<Note> list(@Valid @BeanParam PageRequest page) {
        List<PageRequest.Order> orders = page.orders(Map.of("title", "title", "id", "id"), "id", "id");
        Comparator<Note> comparator = null;
        for (PageRequest.Order order : orders) {
            Comparator<Note> next = order.column().equals("title") ? Comparator.comparing(Note::title) : Comparator.comparingLong(Note::id);
            next = order.descending() ? next.reversed() : next;
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        List<Note> all = NOTES.values().stream().sorted(comparator).toList();
        List<Note> items = all.stream().skip(page.offset()).limit(page.size).toList();
        return Page.of(items, page, all.size());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        Note note = find(id);
        return Response.ok(note).header("ETag", Etags.of(note.version())).build();
    }

    @PUT
    @Path("/{id}")
    public Response update(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull NoteInput input) {
        Note current = find(id);
        Etags.requireMatch(ifMatch, current.version());
        Note updated = new Note(id, current.version() + 1, input.title(), input.siren(), input.days());
        NOTES.put(id, updated);
        return Response.ok(updated).header("ETag", Etags.of(updated.version())).build();
    }

    @GET
    @Path("/calendar")
    public Map<String, String> calendar(@QueryParam("month") YearMonth month, @QueryParam("date") LocalDate date) {
        return Map.of("month", String.valueOf(month), "date", String.valueOf(date));
    }

    @GET
    @Path("/search")
    public Map<String, String> search(@QueryParam("kind") Kind noteKind, @QueryParam("urgent") Boolean urgent,
            @QueryParam("limit") @DefaultValue("10") @Max(50) int maxResults, @QueryParam("q") String q) {
        return Map.of("kind", String.valueOf(noteKind), "urgent", String.valueOf(urgent), "limit", String.valueOf(maxResults), "q", String.valueOf(q));
    }

    @GET
    @Path("/by-reference/{reference}")
    public Map<String, String> byReference(@PathParam("reference") UUID reference) {
        return Map.of("reference", reference.toString());
    }

    @GET
    @Path("/boom")
    public Note boom() {
        throw new IllegalStateException("select * from secret_table where password = 'x'");
    }

    /** What a persistence layer throws when the database refuses connections (SQLSTATE 08001). */
    @GET
    @Path("/database-away")
    public Note databaseAway() {
        throw new IllegalStateException("Unable to acquire JDBC Connection",
                new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));
    }

    @GET
    @Path("/secure")
    @RolesAllowed("ars")
    public Map<String, String> secure() {
        LOG.info("secure note read");
        return Map.of("ok", "ars only");
    }

    private static Note find(long id) {
        Note note = NOTES.get(id);
        if (note == null) {
            throw ApiProblem.notFound("note", id);
        }
        return note;
    }
}
