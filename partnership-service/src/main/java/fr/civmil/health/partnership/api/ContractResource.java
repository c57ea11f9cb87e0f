package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.util.List;
import java.util.Map;
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

import fr.civmil.health.partnership.api.ContractViews.ContractChanges;
import fr.civmil.health.partnership.api.ContractViews.ContractInput;
import fr.civmil.health.partnership.api.ContractViews.ContractView;
import fr.civmil.health.partnership.api.ContractViews.StatusChange;
import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.ContractStatus;
import fr.civmil.health.partnership.service.ContractService;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/partnerships")
@Tag(name = "Contracts", description = "SSA–ARS partnership contracts (code de la santé publique L6147-12) and their axes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
public class ContractResource {

    private final ContractService contracts;
    private final Callers callers;
    private final IdempotentCreations idempotency;

    public ContractResource(ContractService contracts, IdempotentCreations idempotency, Callers callers) {
        this.callers = callers;
        this.contracts = contracts;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listContracts", summary = "List contracts", description = "Sort fields: reference, periodStart, status, createdAt")
    @APIResponse(responseCode = "200", description = "A page of contracts")
    @APIResponse(responseCode = "400", description = "Bad paging, sort or filter", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    public Page<ContractView> list(@BeanParam @Valid PageRequest page,
            @Parameter(description = "Only contracts in this status", example = "ACTIVE") @QueryParam("status") ContractStatus status) {
        Page<Contract> contractPage = contracts.page(page, status);
        Map<UUID, List<Axis>> axes = contracts.axes(contractPage.items());
        return contractPage.map(c -> ContractView.of(c, axes.getOrDefault(c.id, List.of())));
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "createContract", summary = "Create a contract in DRAFT with its axes", description = "Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "Reference already used", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response create(
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull ContractInput input) {
        return idempotency.create("contracts", key, input, () -> {
            Contract contract = contracts.create(input.toDraft(), callers.current());
            return Etags.created("/api/v1/partnerships/" + contract.id, ContractView.of(contract, contracts.axes(contract.id)), contract.version);
        });
    }

    @GET
    @Path("/{contractId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getContract", summary = "Read a contract", description = "The ETag header is the version to send back in If-Match")
    @APIResponse(responseCode = "200", description = "The contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "404", description = "No such contract", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
    public Response get(@Parameter(description = "Contract id") @PathParam("contractId") UUID id) {
        Contract contract = contracts.find(id);
        return Etags.ok(ContractView.of(contract, contracts.axes(id)), contract.version);
    }

    @PUT
    @Path("/{contractId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "updateContract", summary = "Edit a DRAFT contract (parties, signatories, period, references)")
    @APIResponse(responseCode = "200", description = "The edited contract", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", description = "Not a draft any more", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response update(@Parameter(description = "Contract id") @PathParam("contractId") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ContractChanges changes) {
        Contract contract = contracts.update(id, ifMatch, changes.toAmendment(), callers.current());
        return Etags.ok(ContractView.of(contract, contracts.axes(id)), contract.version);
    }

    @POST
    @Path("/{contractId}/status")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "changeContractStatus", summary = "Move a contract along its lifecycle",
            description = "DRAFT → SIGNED (every signatory dated) → ACTIVE → EXPIRED | TERMINATED (reason required); DRAFT and SIGNED may be TERMINATED")
    @APIResponse(responseCode = "200", description = "The contract in its new status", content = @Content(schema = @Schema(implementation = ContractView.class)))
    @APIResponse(responseCode = "409", description = "Illegal transition", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    @APIResponse(responseCode = "422", description = "A signatory has no signature date", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unsigned", value = ProblemExamples.UNPROCESSABLE)))
    public Response changeStatus(@Parameter(description = "Contract id") @PathParam("contractId") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusChange change) {
        Contract contract = contracts.changeStatus(id, ifMatch, change.toStep(), callers.current());
        return Etags.ok(ContractView.of(contract, contracts.axes(id)), contract.version);
    }
}
