package fr.civmil.health.referral.api;

import org.jboss.resteasy.reactive.RestResponse;
import fr.civmil.health.platform.security.Roles;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.referral.api.ReferralViews.AssignmentInput;
import fr.civmil.health.referral.api.ReferralViews.ReasonInput;
import fr.civmil.health.referral.api.ReferralViews.RequestInput;
import fr.civmil.health.referral.domain.ReferralStatus;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.service.ReadAudit;
import fr.civmil.health.referral.service.ReferralResults.ProposalView;
import fr.civmil.health.referral.service.ReferralResults.Proposals;
import fr.civmil.health.referral.service.ReferralResults.ReadView;
import fr.civmil.health.referral.service.ReferralResults.RequestView;
import fr.civmil.health.referral.service.ReferralService;

/**
 * Referral requests of relocated military households: visible to the CNMSS only, and every read is
 * written to the audit trail that auditors query.
 */
@Path("/api/v1/referral-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referral requests", description = "Matching relocated military households (known by an opaque CNMSS case reference) to referenced doctors")
public class ReferralRequestResource {

    public static final String REQUEST_ID = "X-Request-Id";

    static final String NO_PLACE = "{\"type\":\"urn:civmil:problem:no-place-left\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The doctor has 1 place(s) left; the PAEDIATRICS need asks for 2\"}";
    static final String NIR = "{\"type\":\"urn:civmil:problem:social-security-number-refused\",\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"reason holds what looks like a social security number (NIR): remove it\",\"violations\":[{\"field\":\"reason\",\"message\":\"holds what looks like a social security number (NIR): remove it\"}]}";
    static final String NEEDS = "{\"type\":\"urn:civmil:problem:invalid-needs\",\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"needs each specialty once: PAEDIATRICS is repeated\",\"violations\":[{\"field\":\"needs\",\"message\":\"each specialty once: PAEDIATRICS is repeated\"}]}";
    static final String MISMATCH = "{\"type\":\"urn:civmil:problem:specialty-mismatch\",\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"The doctor practises Médecine générale, which does not meet the Pédiatrie need\"}";
    static final String ILLEGAL = "{\"type\":\"urn:civmil:problem:illegal-request-transition\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Cannot assign a request that is CANCELLED\"}";
    static final String FORBIDDEN = "{\"type\":\"urn:civmil:problem:forbidden\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Your role does not allow this operation\"}";

    private final ReferralService service;
    private final ReadAudit audit;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public ReferralRequestResource(ReferralService service, ReadAudit audit, IdempotentCreations idempotency, Callers callers) {
        this.service = service;
        this.audit = audit;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "registerReferralRequest", summary = "Register a referral request", description = "The household is identified only by its CNMSS case reference (CNMSS-<office>-<year>-<sequence>: no room for a name or a NIR). Unknown fields (names, social-security number…) are refused with 400. Each need is a specialty for some of the household's people. The request expires a configured number of days after the expected arrival when given, else after its registration, if nothing is assigned by then.")
    @APIResponse(responseCode = "201", description = "Registered (OPEN)", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Any role but cnmss", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    @APIResponse(responseCode = "409", description = "The case already has a request in progress")
    @APIResponse(responseCode = "422", description = "Unknown commune, or needs that repeat a specialty or cover more people than the household", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "needs", value = NEEDS)))
    public Response register(@NotNull @Valid RequestInput input,
            @Parameter(description = "Makes retries safe") @HeaderParam(IdempotentCreations.HEADER) String idempotencyKey) {
        return idempotency.create("referral-requests", idempotencyKey, input, () -> {
            RequestView r = service.register(input.toCommand());
            return Etags.created("/api/v1/referral-requests/" + r.id(), r, r.version());
        });
    }

    @GET
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "listReferralRequests", summary = "List referral requests", description = "Newest first by default. Every request returned is recorded in the audit trail.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "403", description = "Any role but cnmss", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    public RestResponse<Page<RequestView>> list(@Parameter(description = "Status", example = "OPEN") @QueryParam("status") ReferralStatus status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Destination département", example = "83") @QueryParam("departementCode") @Identifier(IdentifierKind.DEPARTEMENT) String departementCode,
            @Parameter(description = "Only waiting requests that expire within this many days", example = "7") @QueryParam("expiringWithinDays") @Min(0) @Max(365) Integer expiringWithinDays,
            @Valid @BeanParam PageRequest page, @HeaderParam(REQUEST_ID) String requestId) {
        String httpRequestId = requestId(requestId);
        return withRequestId(service.list(status, departementCode, expiringWithinDays, page, callers.current(), httpRequestId, "LIST"),
                httpRequestId);
    }

    @GET
    @Path("/expiring")
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "listExpiringReferralRequests", summary = "Requests about to expire", description = "OPEN or PROPOSED requests (nothing assigned yet) whose expiry falls within the given number of days, soonest first: the expiry runs from the expected arrival when known. Audited like every read.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    public RestResponse<Page<RequestView>> expiring(@Parameter(description = "Horizon in days", example = "7") @QueryParam("withinDays") @DefaultValue("7") @Min(0) @Max(365) int withinDays,
            @Valid @BeanParam PageRequest page, @HeaderParam(REQUEST_ID) String requestId) {
        String httpRequestId = requestId(requestId);
        return withRequestId(service.list(null, null, withinDays, page, callers.current(), httpRequestId, "LIST_EXPIRING"), httpRequestId);
    }

    @GET
    @Path("/audit")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listReferralReadAudit", summary = "Audit trail of referral-request reads", description = "Who read which request, when, under which X-Request-Id. Auditors read this trail but not the requests themselves. Newest first by default.")
    @APIResponse(responseCode = "200", description = "A page of reads")
    @APIResponse(responseCode = "403", description = "Any role but auditor and admin", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    public Page<ReadView> auditTrail(@Parameter(description = "A request id") @QueryParam("requestId") UUID requestId,
            @Parameter(description = "Subject of the reader's token", example = "dev-cnmss") @QueryParam("reader") @Size(max = 200) String reader,
            @Parameter(description = "Reads at or after (ISO-8601)", example = "2026-11-01T00:00:00Z") @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "Reads before (ISO-8601)", example = "2026-12-01T00:00:00Z") @QueryParam("to") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        return audit.search(requestId, reader, from, to, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "getReferralRequest", summary = "Read a referral request", description = "Recorded in the audit trail (reader, time, X-Request-Id). Returns the ETag for the next action.")
    @APIResponse(responseCode = "200", description = "The request", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "403", description = "Any role but cnmss", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "forbidden", value = FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "Unknown request")
    public Response get(@PathParam("id") UUID id, @HeaderParam(REQUEST_ID) String requestId) {
        String httpRequestId = requestId(requestId);
        RequestView r = service.read(id, callers.current(), httpRequestId);
        return Response.ok(r).header("ETag", Etags.of(r.version())).header(REQUEST_ID, httpRequestId).build();
    }

    @POST
    @Path("/{id}/proposals")
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "computeProposals", summary = "Rank candidate doctors for each waiting need", description = "For each need not yet assigned: active charter, accepting, with places for all the need's people, of the need's specialty or a compatible one, practising in the destination département; ranked by distance class (same commune, then same EPCI, then same département); confirmed capacity first; more remaining places first. Keeps the best of each need (configurable, 50 by default), moves an OPEN request to PROPOSED and returns the first page, need after need.")
    @APIResponse(responseCode = "200", description = "First page of the ranked proposals; ETag of the request")
    @APIResponse(responseCode = "409", description = "The request is no longer waiting", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    public RestResponse<Page<ProposalView>> propose(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        Proposals proposals = service.propose(id, page);
        return RestResponse.ResponseBuilder.ok(proposals.page()).header("ETag", Etags.of(proposals.version())).build();
    }

    @GET
    @Path("/{id}/proposals")
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "listProposals", summary = "Read the ranked proposals", description = "The proposals last computed, need after need (specialty order), best first, each with the reasons of its rank in French. Audited.")
    @APIResponse(responseCode = "200", description = "A page of proposals")
    public Page<ProposalView> proposals(@PathParam("id") UUID id,
            @Parameter(description = "Only the proposals for this need", example = "PAEDIATRICS") @QueryParam("need") Specialty need,
            @Valid @BeanParam PageRequest page, @HeaderParam(REQUEST_ID) String requestId) {
        return service.proposals(id, need, page, callers.current(), requestId(requestId));
    }

    @POST
    @Path("/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "assignDoctor", summary = "Assign one need to a doctor", description = "The doctor, of the need's specialty or a compatible one, takes as many places as the need covers people, atomically: concurrent assignments never take more places than the doctor has; the others get 409. The request is ASSIGNED when every need is, PARTIALLY_ASSIGNED before. Publishes assignment.made (département, specialty and places only) and doctor.capacity-changed.")
    @APIResponse(responseCode = "200", description = "ASSIGNED or PARTIALLY_ASSIGNED; new ETag", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "Not enough places left, doctor not active or not accepting, need already assigned, or request not waiting", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "full", value = NO_PLACE)))
    @APIResponse(responseCode = "422", description = "Unknown doctor, a need the request does not have, or a doctor whose specialty does not serve it", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "mismatch", value = MISMATCH)))
    public Response assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AssignmentInput input) {
        return respond(service.assign(id, ifMatch, input.doctorId(), input.need()));
    }

    @POST
    @Path("/{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "cancelReferralRequest", summary = "Cancel a request", description = "From OPEN, PROPOSED, PARTIALLY_ASSIGNED or ASSIGNED. Every assigned need gives its places back to its doctor (assignment.released). The reason is free text: one that holds a NIR or a person's name is refused with 422 (never echoed).")
    @APIResponse(responseCode = "200", description = "CANCELLED", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "Already closed, cancelled or expired", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    @APIResponse(responseCode = "422", description = "The reason holds a NIR (social-security-number-refused) or a person's name (person-name-refused)", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "nir", value = NIR)))
    public Response cancel(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid ReasonInput input) {
        return respond(service.cancel(id, ifMatch, input.reason()));
    }

    @POST
    @Path("/{id}/closure")
    @RolesAllowed(Roles.CNMSS)
    @Operation(operationId = "closeReferralRequest", summary = "Close an assigned request", description = "Every need is assigned and the household is registered with its doctors; the places stay taken.")
    @APIResponse(responseCode = "200", description = "CLOSED", content = @Content(schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "409", description = "Not ASSIGNED", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    public Response close(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return respond(service.close(id, ifMatch));
    }

    private static Response respond(RequestView r) {
        return Etags.ok(r, r.version());
    }

    private static RestResponse<Page<RequestView>> withRequestId(Page<RequestView> page, String httpRequestId) {
        return RestResponse.ResponseBuilder.ok(page).header(REQUEST_ID, httpRequestId).build();
    }

    private static String requestId(String header) {
        return header == null || header.isBlank() ? UUID.randomUUID().toString() : header.length() > 200 ? header.substring(0, 200) : header;
    }
}
