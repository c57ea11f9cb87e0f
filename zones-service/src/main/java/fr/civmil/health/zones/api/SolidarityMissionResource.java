package fr.civmil.health.zones.api;

import java.time.YearMonth;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.zones.api.SiteViews.MissionRequest;
import fr.civmil.health.zones.api.SiteViews.MissionTransitionRequest;
import fr.civmil.health.zones.api.SiteViews.MissionView;
import fr.civmil.health.zones.domain.MissionStatus;
import fr.civmil.health.zones.domain.SolidarityMission;
import fr.civmil.health.zones.service.MissionBooking;
import fr.civmil.health.zones.service.SolidarityMissionService;

/** Volunteer doctors' solidarity missions. */
@Path("/api/v1/solidarity-missions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Solidarity missions", description = "Volunteer GPs consulting in priority zones, up to 2 days a month")
public class SolidarityMissionResource {

    static final String LIMIT_EXAMPLE = """
            {"type":"urn:civmil:problem:monthly-limit","title":"Conflict","status":409,"detail":"Doctor 10101010105 already has 2 mission day(s) in 2026-12; at most 2 per calendar month across all zones"}""";

    private final SolidarityMissionService missions;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public SolidarityMissionResource(SolidarityMissionService missions, IdempotentCreations idempotency, Callers callers) {
        this.missions = missions;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listSolidarityMissions", summary = "List solidarity missions", description = "Sort fields: date (default), doctorRpps, status, createdAt.")
    @APIResponse(responseCode = "400", description = "Malformed filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<MissionView> list(@Parameter(description = "Zone id") @QueryParam("zoneId") UUID zoneId,
            @Parameter(description = "Site id") @QueryParam("siteId") UUID siteId,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.RPPS), description = "Doctor's RPPS", example = "10101010105") @QueryParam("doctorRpps") @Identifier(IdentifierKind.RPPS) String rpps,
            @Parameter(description = "Month (YYYY-MM)", example = "2026-12") @QueryParam("month") YearMonth month,
            @Parameter(description = "Status") @QueryParam("status") MissionStatus status,
            @Valid @BeanParam PageRequest page) {
        return missions.list(zoneId, siteId, rpps, month, status, page)
                .map(MissionView::of);
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "bookSolidarityMission", summary = "Book a site for a volunteer doctor", description = """
            Rules, each refused with a problem naming it: the site is OPEN (409 site-not-open) in an ACTIVE zone (409 zone-not-active);
            the doctor has no overlapping booking (409 doctor-slot-overlap) and stays within the monthly limit across all zones
            (409 monthly-limit; half-day = 0.5); the site slot has a free room (409 site-slot-full). Send Idempotency-Key to make retries safe.""")
    @APIResponse(responseCode = "201", description = "Booked (PLANNED)", content = @Content(schema = @Schema(implementation = MissionView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "A booking rule refuses it", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "limit", value = LIMIT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Unknown site", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response book(@Parameter(description = "Makes the creation idempotent (24 h)") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull MissionRequest request) {
        return idempotency.create("solidarity-missions", key, request, () -> {
            SolidarityMission mission = missions.book(new MissionBooking(request.siteId(), request.doctor().rpps(),
                    request.doctor().name(), request.date(), request.slot()), callers.current());
            return Etags.created("/api/v1/solidarity-missions/" + mission.id, MissionView.of(mission), mission.version);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getSolidarityMission", summary = "Read a solidarity mission")
    @APIResponse(responseCode = "200", description = "The mission", content = @Content(schema = @Schema(implementation = MissionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown mission", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") UUID id) {
        SolidarityMission mission = missions.find(id);
        return Etags.ok(MissionView.of(mission), mission.version);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "moveSolidarityMission", summary = "Confirm, complete or cancel a mission", description = "PLANNED → CONFIRMED → COMPLETED, or CANCELLED (reason required) before completion.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = MissionView.class)))
    @APIResponse(responseCode = "400", description = "Cancellation without a reason", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown mission", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response transition(@PathParam("id") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MissionTransitionRequest request) {
        SolidarityMission mission = missions.transition(id, ifMatch, request.to(), request.reason(), callers.current());
        return Etags.ok(MissionView.of(mission), mission.version);
    }
}
