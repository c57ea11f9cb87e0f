package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.partnership.api.IndicatorViews.IndicatorInput;
import fr.civmil.health.partnership.api.IndicatorViews.IndicatorView;
import fr.civmil.health.partnership.api.IndicatorViews.MeasurementInput;
import fr.civmil.health.partnership.api.IndicatorViews.MeasurementView;
import fr.civmil.health.partnership.domain.Indicator;
import fr.civmil.health.partnership.domain.Measurement;
import fr.civmil.health.partnership.service.IndicatorService;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/partnerships/{contractId}/indicators")
@Tag(name = "Indicators", description = "Indicators of commitments, their measurements and progress toward target")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "No such contract or indicator", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
public class IndicatorResource {

    private final IndicatorService indicators;
    private final Callers callers;
    private final IdempotentCreations idempotency;

    public IndicatorResource(IndicatorService indicators, IdempotentCreations idempotency, Callers callers) {
        this.callers = callers;
        this.indicators = indicators;
        this.idempotency = idempotency;
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listIndicators", summary = "List the indicators of a contract with their latest value and progress", description = "Sort fields: name (default), createdAt")
    @APIResponse(responseCode = "200", description = "A page of indicators")
    public Page<IndicatorView> list(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @BeanParam @Valid PageRequest page,
            @Parameter(description = "Only the indicators of this commitment") @QueryParam("commitmentId") UUID commitmentId) {
        Page<Indicator> indicatorPage = indicators.page(contractId, page, commitmentId);
        Map<UUID, Measurement> latest = indicators.latest(indicatorPage.items());
        return indicatorPage.map(i -> IndicatorView.of(i, latest.get(i.id)));
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "createIndicator", summary = "Define an indicator of a commitment",
            description = "With a feed (CONSULTATION_DAYS or REFERENCED_DOCTORS) and a région, it is measured automatically from events. Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. a target on the wrong side of the baseline", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "The contract expired or was terminated", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    @APIResponse(responseCode = "422", description = "The commitment is not part of this contract", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unknown-commitment", value = ProblemExamples.UNPROCESSABLE)))
    public Response create(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull IndicatorInput input) {
        return idempotency.create("indicators:" + contractId, key, input, () -> {
            Indicator indicator = indicators.create(contractId, input.toDraft(), callers.current());
            return Etags.created("/api/v1/partnerships/" + contractId + "/indicators/" + indicator.id, IndicatorView.of(indicator, Measurement.latest(indicator.id)), indicator.version);
        });
    }

    @GET
    @Path("/{indicatorId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getIndicator", summary = "Read an indicator with its latest value and progress toward target")
    @APIResponse(responseCode = "200", description = "The indicator", content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Indicator id") @PathParam("indicatorId") UUID id) {
        Indicator indicator = indicators.find(contractId, id);
        return Etags.ok(IndicatorView.of(indicator, Measurement.latest(id)), indicator.version);
    }

    @GET
    @Path("/{indicatorId}/measurements")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listMeasurements", summary = "List the measurements of an indicator", description = "Sort fields: date (default, newest first), recordedAt")
    @APIResponse(responseCode = "200", description = "A page of measurements")
    public Page<MeasurementView> measurements(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Indicator id") @PathParam("indicatorId") UUID id, @BeanParam @Valid PageRequest page) {
        return indicators.measurements(contractId, id, page).map(MeasurementView::of);
    }

    @POST
    @Path("/{indicatorId}/measurements")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "recordMeasurement", summary = "Record a manual measurement", description = "Publishes indicator.measured. Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MeasurementView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, e.g. a date in the future", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "The indicator is automatic, or the contract is closed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response measure(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Indicator id") @PathParam("indicatorId") UUID id,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull MeasurementInput input) {
        return idempotency.create("measurements:" + id, key, input, () -> {
            Measurement measurement = indicators.measure(contractId, id, input.toMeasurement(), callers.current());
            return Response.created(URI.create("/api/v1/partnerships/" + contractId + "/indicators/" + id + "/measurements"))
                    .entity(MeasurementView.of(measurement)).build();
        });
    }
}
