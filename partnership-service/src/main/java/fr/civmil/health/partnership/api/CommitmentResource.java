package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.partnership.api.CommitmentViews.CommitmentInput;
import fr.civmil.health.partnership.api.CommitmentViews.CommitmentView;
import fr.civmil.health.partnership.api.CommitmentViews.StatusChange;
import fr.civmil.health.partnership.api.CommitmentViews.StatusHistoryEntry;
import fr.civmil.health.partnership.domain.Commitment;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.Owner;
import fr.civmil.health.partnership.service.CommitmentService;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/partnerships/{contractId}/commitments")
@Tag(name = "Commitments", description = "Reciprocal commitments under the axes of a contract")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "No such contract or commitment", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
public class CommitmentResource {

    private final CommitmentService commitments;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public CommitmentResource(CommitmentService commitments, IdempotentCreations idempotency, Callers callers) {
        this.commitments = commitments;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCommitments", summary = "List the commitments of a contract", description = "Sort fields: dueDate (default), axis, title, status, createdAt")
    @APIResponse(responseCode = "200", description = "A page of commitments")
    @APIResponse(responseCode = "400", description = "Bad paging, sort or filter", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    public Page<CommitmentView> list(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @BeanParam @Valid PageRequest page,
            @Parameter(description = "Axis number", example = "4") @QueryParam("axis") Integer axis,
            @Parameter(description = "Owner", example = "SSA") @QueryParam("owner") Owner owner,
            @Parameter(description = "Status", example = "IN_PROGRESS") @QueryParam("status") CommitmentStatus status,
            @Parameter(description = "true: only late commitments; false: only those on time or closed") @QueryParam("late") Boolean late) {
        return commitments.page(contractId, page, axis, owner, status, late).map(CommitmentView::of);
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "createCommitment", summary = "Add a commitment (PLANNED) under an axis", description = "Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "The contract expired or was terminated", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    @APIResponse(responseCode = "422", description = "Unknown axis or priority zone", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unknown-zone", value = ProblemExamples.UNPROCESSABLE)))
    public Response create(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull CommitmentInput input) {
        return idempotency.create("commitments:" + contractId, key, input, () -> {
            Commitment commitment = commitments.create(contractId, input.toDraft(), callers.current());
            return Etags.created("/api/v1/partnerships/" + contractId + "/commitments/" + commitment.id, CommitmentView.of(commitment), commitment.version);
        });
    }

    @GET
    @Path("/{commitmentId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCommitment", summary = "Read a commitment", description = "The ETag header is the version to send back in If-Match")
    @APIResponse(responseCode = "200", description = "The commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    public Response get(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Commitment id") @PathParam("commitmentId") UUID id) {
        Commitment commitment = commitments.find(contractId, id);
        return Etags.ok(CommitmentView.of(commitment), commitment.version);
    }

    @PUT
    @Path("/{commitmentId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "updateCommitment", summary = "Edit an open commitment")
    @APIResponse(responseCode = "200", description = "The edited commitment", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "409", description = "The commitment is closed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    @APIResponse(responseCode = "422", description = "Unknown axis or priority zone", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unknown-zone", value = ProblemExamples.UNPROCESSABLE)))
    public Response update(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Commitment id") @PathParam("commitmentId") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CommitmentInput input) {
        Commitment commitment = commitments.update(contractId, id, ifMatch, input.toDraft(), callers.current());
        return Etags.ok(CommitmentView.of(commitment), commitment.version);
    }

    @POST
    @Path("/{commitmentId}/status")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "changeCommitmentStatus", summary = "Move a commitment along its lifecycle", description = "Publishes commitment.status-changed")
    @APIResponse(responseCode = "200", description = "The commitment in its new status", content = @Content(schema = @Schema(implementation = CommitmentView.class)))
    @APIResponse(responseCode = "400", description = "Abandoning without a reason", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response changeStatus(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Commitment id") @PathParam("commitmentId") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusChange change) {
        Commitment commitment = commitments.changeStatus(contractId, id, ifMatch, change.toStep(), callers.current());
        return Etags.ok(CommitmentView.of(commitment), commitment.version);
    }

    @GET
    @Path("/{commitmentId}/history")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCommitmentStatusHistory", summary = "The statuses a commitment took, oldest first", description = "Who gave each status (the token's subject), when and why; the creation is the first step.")
    @APIResponse(responseCode = "200", description = "The history")
    @APIResponse(responseCode = "404", description = "Unknown contract or commitment", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
    public List<StatusHistoryEntry> history(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Commitment id") @PathParam("commitmentId") UUID id) {
        return commitments.history(contractId, id).stream().map(StatusHistoryEntry::of).toList();
    }
}
