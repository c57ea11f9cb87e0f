package fr.civmil.health.zones.api;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
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
import fr.civmil.health.zones.api.ZoneViews.BulkItem;
import fr.civmil.health.zones.api.ZoneViews.BulkResult;
import fr.civmil.health.zones.api.ZoneViews.DesignationRequest;
import fr.civmil.health.zones.api.ZoneViews.Summary;
import fr.civmil.health.zones.api.ZoneViews.TransitionEffects;
import fr.civmil.health.zones.api.ZoneViews.TransitionRequest;
import fr.civmil.health.zones.api.ZoneViews.TransitionView;
import fr.civmil.health.zones.api.ZoneViews.UpdateRequest;
import fr.civmil.health.zones.api.ZoneViews.ZoneView;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.ZoneStatus;
import fr.civmil.health.zones.service.Coverage;
import fr.civmil.health.zones.service.CoverageService;
import fr.civmil.health.zones.service.CrisisBoard;
import fr.civmil.health.zones.service.PriorityZoneService;
import fr.civmil.health.zones.service.PriorityZoneService.TransitionOutcome;
import fr.civmil.health.zones.service.ZoneQuery;
import fr.civmil.health.zones.service.ZoneSummaries;

/** Priority zones: designation (one or a CSV list), ARS fields, lifecycle, lists and summary. */
@Path("/api/v1/priority-zones")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Priority zones", description = "EPCI designated by the ARS for the territorial solidarity measure of the 2025 Pacte de lutte contre les déserts médicaux")
public class PriorityZoneResource {

    static final String CONFLICT_EXAMPLE = """
            {"type":"urn:civmil:problem:epci-already-in-zone","title":"Conflict","status":409,"detail":"EPCI 200044469 (CC du Pays de Mirepoix) is already in zone 0b6b… (DESIGNATED) of campaign pacte-2025"}""";
    static final String UNKNOWN_EPCI_EXAMPLE = """
            {"type":"urn:civmil:problem:unknown-epci","title":"Unprocessable request","status":422,"detail":"No EPCI has SIREN 123456782 in the reference geography"}""";
    static final String CSV_EXAMPLE = """
            {"type":"urn:civmil:problem:invalid-csv-lines","title":"Unprocessable request","status":422,"detail":"2 line error(s); nothing was designated","violations":[{"field":"line 3","message":"epci_siren '123' must be a valid SIREN (9 digits with a Luhn key)"},{"field":"line 5","message":"no EPCI has SIREN 123456782 in the reference geography"}]}""";
    static final String ILLEGAL_EXAMPLE = """
            {"type":"urn:civmil:problem:illegal-zone-transition","title":"Conflict","status":409,"detail":"A PROPOSED zone cannot become ACTIVE; allowed: [DESIGNATED, RETIRED]"}""";

    static final String MONTH_EXAMPLE = """
            {"type":"urn:civmil:problem:validation","title":"Invalid request","status":400,"detail":"month: must be a month (YYYY-MM)","violations":[{"field":"month","message":"must be a month (YYYY-MM)"}]}""";

    private final PriorityZoneService zones;
    private final CoverageService coverage;
    private final CrisisBoard crises;
    private final IdempotentCreations idempotency;
    private final ZoneSummaries summaries;
    private final Callers callers;

    public PriorityZoneResource(PriorityZoneService zones, CoverageService coverage, CrisisBoard crises, IdempotentCreations idempotency,
            ZoneSummaries summaries, Callers callers) {
        this.zones = zones;
        this.coverage = coverage;
        this.crises = crises;
        this.idempotency = idempotency;
        this.summaries = summaries;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listPriorityZones", summary = "List priority zones", description = "Sort fields: epciName (default), epciSiren, population, status, createdAt.")
    @APIResponse(responseCode = "400", description = "Malformed filter", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<ZoneView> list(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @Identifier(IdentifierKind.REGION) String region,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Département with member communes of the zone", example = "32") @QueryParam("departement") @Identifier(IdentifierKind.DEPARTEMENT) String departement,
            @Parameter(description = "Lifecycle status") @QueryParam("status") ZoneStatus status,
            @Parameter(description = "Campaign", example = "pacte-2025") @QueryParam("campaign") @Pattern(regexp = ZoneViews.CAMPAIGN, message = ZoneViews.CAMPAIGN_RULE) String campaign,
            @Valid @BeanParam PageRequest page) {
        List<CrisisBoard.ActiveCrisis> active = crises.active();
        return zones.list(new ZoneQuery(region, departement, status, campaign), page)
                .map(z -> ZoneView.of(z, zones.epci(z), active));
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "designatePriorityZone", summary = "Designate an EPCI as a priority zone", description = "Send Idempotency-Key to make retries safe.")
    @APIResponse(responseCode = "201", description = "Designated", content = @Content(schema = @Schema(implementation = ZoneView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "The EPCI is already in a live zone of the campaign", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "already", value = CONFLICT_EXAMPLE)))
    @APIResponse(responseCode = "422", description = "Unknown EPCI", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "unknown-epci", value = UNKNOWN_EPCI_EXAMPLE)))
    public Response designate(
            @Parameter(description = "Makes the creation idempotent (24 h)") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull DesignationRequest request) {
        return idempotency.create("priority-zones", key, request, () -> {
            PriorityZone zone = zones.designate(request.toDesignation(), callers.current());
            return Etags.created("/api/v1/priority-zones/" + zone.id, ZoneView.of(zone, zones.epci(zone), crises.active()), zone.version);
        });
    }

    @POST
    @Path("/bulk-designations")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "designatePriorityZonesFromCsv", summary = "Designate a CSV list of EPCI, all or none", description = """
            Header line then one EPCI per line. Columns: epci_siren (required), campaign, status (PROPOSED|DESIGNATED), apl,
            vulnerability_index, vulnerability_source, decision_date, decision_reference, target_days_per_month, notes;
            epci_name, departement and population_municipale are checked against the reference when present; press_source
            goes to the notes. Every bad line is reported by number in the problem's violations and nothing is designated.""")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "two", value = "epci_siren,target_days_per_month\n200044469,8\n243200391,10\n")))
    @APIResponse(responseCode = "201", description = "Every line designated", content = @Content(schema = @Schema(implementation = BulkResult.class)))
    @APIResponse(responseCode = "400", description = "Empty CSV or bad header", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Bad lines, each reported", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "lines", value = CSV_EXAMPLE)))
    public Response designateCsv(
            @Parameter(description = "Makes the creation idempotent (24 h)") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Parameter(description = "Campaign of lines without a campaign column", example = "pacte-2025") @QueryParam("campaign") @Pattern(regexp = ZoneViews.CAMPAIGN, message = ZoneViews.CAMPAIGN_RULE) String campaign,
            @Parameter(description = "Status of lines without a status column") @QueryParam("status") @DefaultValue("DESIGNATED") ZoneStatus status,
            String csv) {
        return idempotency.create("priority-zones-csv", key, Map.of("campaign", String.valueOf(campaign), "status", status, "csv", String.valueOf(csv)), () -> {
            List<PriorityZone> created = zones.designateCsv(csv, campaign, status, callers.current());
            return Response.status(201).entity(new BulkResult(created.size(),
                    created.stream().map(z -> new BulkItem(z.id, z.epciSiren, z.epciName, z.status)).toList())).build();
        });
    }

    @GET
    @Path("/summary")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "summarizePriorityZones", summary = "Count and population of the zones, share of the région, breakdown by département")
    @APIResponse(responseCode = "400", description = "Malformed région code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The result")
    public Summary summary(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @Identifier(IdentifierKind.REGION) String region,
            @Parameter(description = "Campaign", example = "pacte-2025") @QueryParam("campaign") @Pattern(regexp = ZoneViews.CAMPAIGN, message = ZoneViews.CAMPAIGN_RULE) String campaign,
            @Parameter(description = "Only zones in this status (default: every non-retired zone)") @QueryParam("status") ZoneStatus status) {
        return Summary.of(summaries.summarize(region, campaign, status));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getPriorityZone", summary = "Read a priority zone", description = "The ETag header is needed in If-Match to update it.")
    @APIResponse(responseCode = "200", description = "The zone", content = @Content(schema = @Schema(implementation = ZoneView.class)))
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response get(@PathParam("id") UUID id) {
        PriorityZone zone = zones.find(id);
        return Etags.ok(ZoneView.of(zone, zones.epci(zone), crises.active()), zone.version);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "updatePriorityZone", summary = "Replace the ARS-supplied fields of a zone")
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(schema = @Schema(implementation = ZoneView.class)))
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "ETag of your last read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateRequest request) {
        PriorityZone zone = zones.update(id, ifMatch, request.toFields(), callers.current());
        return Etags.ok(ZoneView.of(zone, zones.epci(zone), crises.active()), zone.version);
    }

    @POST
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.ARS, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "movePriorityZone", summary = "Move a zone along its lifecycle", description = "PROPOSED → DESIGNATED → ACTIVE ⇄ SUSPENDED → RETIRED (any live zone may be retired). Suspending or retiring a zone cancels its missions from today on, with the reason; retiring it also closes its sites; the answer's `effects` lists them.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = ZoneView.class)))
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "illegal", value = ILLEGAL_EXAMPLE)))
    public Response transition(@PathParam("id") UUID id,
            @Parameter(description = "ETag of your last read", example = "\"0\"") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        TransitionOutcome moved = zones.transition(id, ifMatch, request.to(), request.reason(), callers.current());
        PriorityZone zone = moved.zone();
        return Etags.ok(ZoneView.of(zone, zones.epci(zone), crises.active(),
                new TransitionEffects(moved.cancelledMissionIds(), moved.closedSiteIds())), zone.version);
    }

    @GET
    @Path("/{id}/transitions")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listPriorityZoneTransitions", summary = "The lifecycle history of a zone, oldest first")
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "The list")
    public List<TransitionView> history(@PathParam("id") UUID id) {
        return zones.history(id).stream().map(TransitionView::of).toList();
    }

    @GET
    @Path("/{id}/coverage")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getPriorityZoneCoverage", summary = "Coverage of a zone month by month", description = """
            Per month: planned (not cancelled) and completed consultation days against the target, distinct volunteer doctors,
            interns placed, the ISO weeks (starting in the month) without any mission nor intern; and the CNMSS-referenced
            doctors practising in the zone now (from referral-network-service's events). At most 24 months.""")
    @APIResponse(responseCode = "200", description = "The coverage", content = @Content(schema = @Schema(implementation = Coverage.ZoneCoverage.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed month, or to before from", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "month", value = MONTH_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "Unknown zone", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Coverage.ZoneCoverage coverage(@PathParam("id") UUID id,
            @Parameter(description = "First month (YYYY-MM)", example = "2026-09", required = true) @QueryParam("from") @NotNull YearMonth from,
            @Parameter(description = "Last month (YYYY-MM)", example = "2027-08", required = true) @QueryParam("to") @NotNull YearMonth to) {
        return coverage.zone(id, from, to);
    }

    @GET
    @Path("/coverage-ranking")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "rankPriorityZoneCoverage", summary = "Zones from worst to best covered in a month", description = """
            Designated, active and suspended zones ranked by planned days over target (ascending), then planned days, then
            population (largest first). The order is fixed: 'sort' is refused.""")
    @APIResponse(responseCode = "400", description = "Missing or malformed month or région", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "month", value = MONTH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<Coverage.Ranked> ranking(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @Identifier(IdentifierKind.REGION) String region,
            @Parameter(description = "Campaign", example = "pacte-2025") @QueryParam("campaign") @Pattern(regexp = ZoneViews.CAMPAIGN, message = ZoneViews.CAMPAIGN_RULE) String campaign,
            @Parameter(description = "Month (YYYY-MM)", example = "2026-12", required = true) @QueryParam("month") @NotNull YearMonth month,
            @Valid @BeanParam PageRequest page) {
        return coverage.ranking(region, campaign, month, page);
    }

}
