package fr.civmil.health.zones.api;

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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.zones.api.SiteViews.SiteRequest;
import fr.civmil.health.zones.api.SiteViews.SiteTransitionRequest;
import fr.civmil.health.zones.api.SiteViews.SiteView;
import fr.civmil.health.zones.domain.ConsultationSite;
import fr.civmil.health.zones.domain.SiteStatus;
import fr.civmil.health.zones.service.ConsultationSiteService;

/** Consultation sites of the priority zones. */
@Path("/api/v1/consultation-sites")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Consultation sites", description = "Premises in the zones where volunteer doctors consult")
public class ConsultationSiteResource {

    static final String OUTSIDE_EXAMPLE = """
            {"type":"urn:civmil:problem:commune-outside-zone","title":"Unprocessable request","status":422,"detail":"Commune 31555 (Toulouse) belongs to EPCI 243100518 (Toulouse Métropole), not to the zone's EPCI 200044469 (CC du Pays de Mirepoix)"}""";

    private final ConsultationSiteService sites;
    private final IdempotentCreations idempotency;
    private final ReferenceGeography geography;
    private final Callers callers;

    public ConsultationSiteResource(ConsultationSiteService sites, IdempotentCreations idempotency, ReferenceGeography geography, Callers callers) {
        this.sites = sites;
        this.idempotency = idempotency;
        this.geography = geography;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listConsultationSites", summary = "List consultation sites", description = "Sort fields: name (default), communeCode, status, createdAt.")
    @APIResponse(responseCode = "400", description = "Malformed filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<SiteView> list(@Parameter(description = "Zone id") @QueryParam("zoneId") UUID zoneId,
            @Parameter(description = "Status") @QueryParam("status") SiteStatus status,
            @Valid @BeanParam PageRequest page) {
        return sites.list(zoneId, status, page).map(this::view);
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "identifyConsultationSite", summary = "Identify a consultation site in a zone", description = "The site starts IDENTIFIED. Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Unknown zone or commune, commune outside the zone's EPCI, postal code not the commune's",
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "outside", value = OUTSIDE_EXAMPLE)))
    public Response create(@Parameter(description = "Makes the creation idempotent (24 h)") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull SiteRequest request) {
        return idempotency.create("consultation-sites", key, request, () -> {
            ConsultationSite site = sites.create(request.toDraft(), callers.current());
            return Etags.created("/api/v1/consultation-sites/" + site.id, view(site), site.version);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getConsultationSite", summary = "Read a consultation site")
    @APIResponse(responseCode = "200", description = "The site", content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "404", description = "Unknown site", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") UUID id) {
        ConsultationSite site = sites.find(id);
        return Etags.ok(view(site), site.version);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "moveConsultationSite", summary = "Move a site along IDENTIFIED → READY → OPEN → CLOSED", description = "Opening and closing are published as events.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = SiteView.class)))
    @APIResponse(responseCode = "404", description = "Unknown site", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response transition(@PathParam("id") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SiteTransitionRequest request) {
        ConsultationSite site = sites.transition(id, ifMatch, request.to(), callers.current());
        return Etags.ok(view(site), site.version);
    }

    private SiteView view(ConsultationSite site) {
        return SiteView.of(site, geography.commune(site.communeCode).map(ReferenceGeography.Commune::name).orElse(null));
    }
}
