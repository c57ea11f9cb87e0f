package fr.civmil.health.zones.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.zones.api.SiteViews.PlacementRequest;
import fr.civmil.health.zones.api.SiteViews.PlacementView;
import fr.civmil.health.zones.domain.InternPlacement;
import fr.civmil.health.zones.service.InternPlacementService;

/** Placements of docteurs juniors (4th-year GP interns) in a zone. */
@Path("/api/v1/priority-zones/{zoneId}/intern-placements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Priority zones")
public class InternPlacementResource {

    private final InternPlacementService placements;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public InternPlacementResource(InternPlacementService placements, IdempotentCreations idempotency, Callers callers) {
        this.placements = placements;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listInternPlacements", summary = "The intern placements of a zone, by start date")
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The list")
    public List<PlacementView> list(@PathParam("zoneId") UUID zoneId) {
        return placements.ofZone(zoneId).stream().map(PlacementView::of).toList();
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "placeIntern", summary = "Place a docteur junior in the zone for a period", description = "Placements count in the zone's coverage.")
    @APIResponse(responseCode = "201", description = "Placed", content = @Content(schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or period", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Retired zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response place(@PathParam("zoneId") UUID zoneId,
            @Parameter(description = "Makes the creation idempotent (24 h)") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull PlacementRequest request) {
        return idempotency.create("intern-placements", key, java.util.Map.of("zoneId", zoneId, "placement", request), () -> {
            InternPlacement p = placements.place(zoneId, request.internId(), request.faculty(), request.supervisorRpps(), request.from(),
                    request.to(), callers.current());
            return Response.created(URI.create("/api/v1/priority-zones/" + zoneId + "/intern-placements/" + p.id))
                    .entity(PlacementView.of(p)).build();
        });
    }
}
