package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.net.URI;
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

import fr.civmil.health.partnership.api.CrisisViews.ActivationInput;
import fr.civmil.health.partnership.api.CrisisViews.ActivationView;
import fr.civmil.health.partnership.api.CrisisViews.ReinforcementInput;
import fr.civmil.health.partnership.api.CrisisViews.ReinforcementStatusChange;
import fr.civmil.health.partnership.api.CrisisViews.ReinforcementView;
import fr.civmil.health.partnership.api.CrisisViews.StandDownInput;
import fr.civmil.health.partnership.domain.ActivationStatus;
import fr.civmil.health.partnership.domain.CrisisActivation;
import fr.civmil.health.partnership.domain.OrsanPlan;
import fr.civmil.health.partnership.domain.Reinforcement;
import fr.civmil.health.partnership.service.CrisisService;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/crisis-activations")
@Tag(name = "Crisis activations", description = "ORSAN plan activations, reinforcement requests and stand-down")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "No such activation or reinforcement", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
public class CrisisActivationResource {

    private static final String OPEN_CONFLICT = """
            {"type":"urn:civmil:problem:crisis-already-open","title":"Conflict","status":409,"detail":"Plan AMAVI is already requested or active in département 31 (activation 6f1c…)"}""";

    private final CrisisService crises;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public CrisisActivationResource(CrisisService crises, IdempotentCreations idempotency, Callers callers) {
        this.crises = crises;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    private Response view(CrisisActivation activation, Response.ResponseBuilder builder) {
        return builder.entity(ActivationView.of(activation, crises.reinforcements(activation.id)))
                .header("ETag", Etags.of(activation.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCrisisActivations", summary = "List crisis activations", description = "Sort fields: requestedAt (default, newest first), plan, status")
    @APIResponse(responseCode = "200", description = "A page of activations")
    @APIResponse(responseCode = "400", description = "Bad paging, sort or filter", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    public Page<ActivationView> list(@BeanParam @Valid PageRequest page,
            @Parameter(description = "ORSAN plan", example = "AMAVI") @QueryParam("plan") OrsanPlan plan,
            @Parameter(description = "Status", example = "ACTIVE") @QueryParam("status") ActivationStatus status,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Only activations whose scope includes this département", example = "31")
            @QueryParam("departement") @Identifier(IdentifierKind.DEPARTEMENT) String departement) {
        Page<CrisisActivation> activations = crises.page(page, plan, status, departement);
        Map<UUID, List<Reinforcement>> reinforcements = crises.reinforcements(activations.items());
        return activations.map(a -> ActivationView.of(a, reinforcements.getOrDefault(a.id, List.of())));
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "requestCrisisActivation", summary = "Request the activation of an ORSAN plan",
            description = "At most one requested or active activation per plan and département. Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = ActivationView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (e.g. unknown département code)", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "The plan is already open in one of the départements", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "already-open", value = OPEN_CONFLICT)))
    @APIResponse(responseCode = "422", description = "Unknown priority zone", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unknown-zone", value = ProblemExamples.UNPROCESSABLE)))
    public Response request(
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull ActivationInput input) {
        return idempotency.create("crisis-activations", key, input, () -> {
            CrisisActivation activation = crises.request(input.toRequest(), callers.current());
            return view(activation, Response.created(URI.create("/api/v1/crisis-activations/" + activation.id)));
        });
    }

    @GET
    @Path("/{activationId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCrisisActivation", summary = "Read an activation with its reinforcement totals and, once stood down, its after-action record")
    @APIResponse(responseCode = "200", description = "The activation", content = @Content(schema = @Schema(implementation = ActivationView.class)))
    public Response get(@Parameter(description = "Activation id") @PathParam("activationId") UUID id) {
        return view(crises.find(id), Response.ok());
    }

    @POST
    @Path("/{activationId}/activation")
    // No body: a client sends no Content-Type.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "activateCrisisPlan", summary = "Activate a requested plan (REQUESTED → ACTIVE)", description = "Publishes crisis.activated")
    @APIResponse(responseCode = "200", description = "Active", content = @Content(schema = @Schema(implementation = ActivationView.class)))
    @APIResponse(responseCode = "409", description = "Not REQUESTED", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response activate(@Parameter(description = "Activation id") @PathParam("activationId") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch) {
        return view(crises.activate(id, ifMatch, callers.current()), Response.ok());
    }

    @POST
    @Path("/{activationId}/stand-down")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "standDownCrisis", summary = "Stand an activation down and record the after-action notes",
            description = "Frees the plan in its départements. Publishes crisis.stood-down when the activation had been ACTIVE")
    @APIResponse(responseCode = "200", description = "Stood down, with its after-action record", content = @Content(schema = @Schema(implementation = ActivationView.class)))
    @APIResponse(responseCode = "409", description = "Already stood down", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response standDown(@Parameter(description = "Activation id") @PathParam("activationId") UUID id,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StandDownInput input) {
        return view(crises.standDown(id, ifMatch, input.notes(), callers.current()), Response.ok());
    }

    @GET
    @Path("/{activationId}/reinforcements")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listReinforcements", summary = "List the reinforcement requests of an activation", description = "Sort fields: createdAt (default), type, status")
    @APIResponse(responseCode = "200", description = "A page of reinforcement requests")
    public Page<ReinforcementView> reinforcements(@Parameter(description = "Activation id") @PathParam("activationId") UUID id,
            @BeanParam @Valid PageRequest page) {
        return crises.reinforcementPage(id, page).map(ReinforcementView::of);
    }

    @POST
    @Path("/{activationId}/reinforcements")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "requestReinforcement", summary = "Request reinforcements inside an activation", description = "Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Requested", content = @Content(schema = @Schema(implementation = ReinforcementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "The activation was stood down", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response requestReinforcement(@Parameter(description = "Activation id") @PathParam("activationId") UUID id,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull ReinforcementInput input) {
        return idempotency.create("reinforcements:" + id, key, input, () -> {
            Reinforcement reinforcement = crises.requestReinforcement(id, input.toRequest(), callers.current());
            return Etags.created("/api/v1/crisis-activations/" + id + "/reinforcements/" + reinforcement.id, ReinforcementView.of(reinforcement), reinforcement.version);
        });
    }

    @GET
    @Path("/{activationId}/reinforcements/{reinforcementId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getReinforcement", summary = "Read a reinforcement request")
    @APIResponse(responseCode = "200", description = "The reinforcement request", content = @Content(schema = @Schema(implementation = ReinforcementView.class)))
    public Response reinforcement(@Parameter(description = "Activation id") @PathParam("activationId") UUID id,
            @Parameter(description = "Reinforcement id") @PathParam("reinforcementId") UUID reinforcementId) {
        Reinforcement reinforcement = crises.findReinforcement(id, reinforcementId);
        return Etags.ok(ReinforcementView.of(reinforcement), reinforcement.version);
    }

    @POST
    @Path("/{activationId}/reinforcements/{reinforcementId}/status")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "changeReinforcementStatus", summary = "Move a reinforcement request one step: REQUESTED → COMMITTED → DEPLOYED → RELEASED")
    @APIResponse(responseCode = "200", description = "The reinforcement request in its new status", content = @Content(schema = @Schema(implementation = ReinforcementView.class)))
    @APIResponse(responseCode = "409", description = "Not the next step, or the activation was stood down", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response changeReinforcement(@Parameter(description = "Activation id") @PathParam("activationId") UUID id,
            @Parameter(description = "Reinforcement id") @PathParam("reinforcementId") UUID reinforcementId,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReinforcementStatusChange change) {
        Reinforcement reinforcement = crises.changeReinforcement(id, reinforcementId, ifMatch, change.status(), callers.current());
        return Etags.ok(ReinforcementView.of(reinforcement), reinforcement.version);
    }
}
