package fr.civmil.health.gateway.api;

import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.gateway.audit.AuditQuery;
import fr.civmil.health.gateway.audit.AuditRecord;
import fr.civmil.health.gateway.audit.QuotaRefusals;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/audit")
@Tag(name = "Audit trail", description = "Every request the gateway answered")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditQuery query;

    public AuditResource(AuditQuery query) {
        this.query = query;
    }

    @GET
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "searchAuditTrail", summary = "Search the gateway's audit trail",
            description = "One record per request (time, client, roles, method, path, route, status, latency, request id,"
                    + " upstream instance), newest first by default. Records are written asynchronously and appear"
                    + " within about a second.")
    @APIResponse(responseCode = "200", description = "A page of audit records")
    @APIResponse(responseCode = "400", description = "A malformed filter", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad-time", value = "{\"type\":\"urn:civmil:problem:validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"1 field is invalid\",\"instance\":\"/api/v1/audit\","
                    + "\"violations\":[{\"field\":\"from\",\"message\":\"must be an ISO-8601 date-time with offset, e.g. 2026-03-02T09:00:00Z\"}]}")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only auditor and admin read the audit trail")
    public Page<AuditRecord> search(
            @QueryParam("client") @Size(max = 200) @Parameter(description = "Client id (token client_id or subject)", example = "dev-cnmss") String client,
            @QueryParam("route") @Size(max = 100) @Parameter(description = "Route name (owning service) or 'gateway'", example = "referral-network-service") String route,
            @QueryParam("status") @Min(100) @Max(599) @Parameter(description = "HTTP status answered (100 to 599)", example = "403") Integer status,
            @QueryParam("requestId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,128}", message = "{civmil.gateway.request-id}")
            @Parameter(description = "X-Request-Id of one request") String requestId,
            @QueryParam("from") @Parameter(description = "Requests at or after this instant (ISO-8601 with offset)", example = "2026-03-01T00:00:00Z") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Requests before this instant (ISO-8601 with offset)", example = "2026-04-01T00:00:00Z") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        checkInterval(from, to);
        return query.find(new AuditQuery.Filter(client, route, status, requestId, instant(from), instant(to)), page);
    }

    @GET
    @Path("/quota-refusals")
    @RolesAllowed({ Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "searchQuotaRefusals", summary = "Count the requests refused for their quota",
            description = "Requests refused with 429 are not audited one by one: they are counted per client, route and"
                    + " minute (UTC), newest minute first by default. Counts appear within about a second.")
    @APIResponse(responseCode = "200", description = "A page of counts per client, route and minute")
    @APIResponse(responseCode = "400", description = "A malformed filter", content = @Content(mediaType = "application/problem+json",
            examples = @ExampleObject(name = "bad-sort", value = "{\"type\":\"urn:civmil:problem:validation\",\"title\":\"Invalid request\","
                    + "\"status\":400,\"detail\":\"1 field is invalid\",\"instance\":\"/api/v1/audit/quota-refusals\","
                    + "\"violations\":[{\"field\":\"sort\",\"message\":\"unknown sort field 'size'; allowed: client, minute, refusals\"}]}")))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Only auditor and admin read the audit trail")
    public Page<QuotaRefusals> quotaRefusals(
            @QueryParam("client") @Size(max = 200) @Parameter(description = "Client id (token client_id or subject)", example = "dev-cnmss") String client,
            @QueryParam("route") @Size(max = 100) @Parameter(description = "Route name (owning service) or 'gateway'", example = "referral-network-service") String route,
            @QueryParam("from") @Parameter(description = "Minutes at or after this instant (ISO-8601 with offset)", example = "2026-03-01T00:00:00Z") OffsetDateTime from,
            @QueryParam("to") @Parameter(description = "Minutes before this instant (ISO-8601 with offset)", example = "2026-04-01T00:00:00Z") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        checkInterval(from, to);
        return query.refusals(new AuditQuery.RefusalFilter(client, route, instant(from), instant(to)), page);
    }

    private static void checkInterval(OffsetDateTime from, OffsetDateTime to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiProblem.invalidField("to", "field.after", "'from'");
        }
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
