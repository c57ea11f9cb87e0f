package fr.civmil.health.referral.api;

import java.util.List;
import java.util.Optional;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.referral.api.DoctorViews.CapacityInput;
import fr.civmil.health.referral.api.DoctorViews.CharterTransitionInput;
import fr.civmil.health.referral.api.DoctorViews.DetailsInput;
import fr.civmil.health.referral.api.DoctorViews.ReferenceInput;
import fr.civmil.health.referral.service.DoctorDirectory;
import fr.civmil.health.referral.service.DoctorImport;
import fr.civmil.health.referral.service.DoctorSearch;
import fr.civmil.health.referral.service.DoctorService;
import fr.civmil.health.referral.service.DoctorView;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@Path("/api/v1/doctors")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referenced doctors", description = "The CNMSS directory of doctors who signed the Fidélisation 360 charter")
public class DoctorResource {

    static final String DUPLICATE = "{\"type\":\"urn:civmil:problem:duplicate-rpps\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"A doctor with RPPS 10003456786 is already referenced\"}";
    static final String UNKNOWN_COMMUNE = "{\"type\":\"urn:civmil:problem:unknown-location\",\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"1 practice location(s) do not match the reference geography\",\"violations\":[{\"field\":\"practiceLocations[0].postalCode\",\"message\":\"postal code 31000 is not a postal code of Toulon (83137); expected one of 83000, 83100, 83200\"}]}";
    static final String STALE = "{\"type\":\"urn:civmil:problem:precondition-failed\",\"title\":\"Precondition failed\",\"status\":412,\"detail\":\"The resource changed since you read it (current ETag \\\"4\\\"); read it again and retry\"}";
    static final String ILLEGAL = "{\"type\":\"urn:civmil:problem:illegal-charter-transition\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"The charter cannot go from WITHDRAWN to ACTIVE (WITHDRAWN is final)\"}";
    static final String NOT_FOUND = "{\"type\":\"urn:civmil:problem:not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"Referenced doctor 3f1e9a52-6a0f-4c6b-9a57-0e4c1d2b7f10 does not exist\"}";
    static final String INVALID = "{\"type\":\"urn:civmil:problem:validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"rpps: must be an RPPS number (11 digits)\",\"violations\":[{\"field\":\"rpps\",\"message\":\"must be an RPPS number (11 digits)\"}]}";

    private final DoctorService service;
    private final DoctorDirectory directory;
    private final IdempotentCreations idempotency;
    private final DoctorImport doctorImport;
    private final Callers callers;

    public DoctorResource(DoctorService service, DoctorDirectory directory, IdempotentCreations idempotency, DoctorImport doctorImport,
            Callers callers) {
        this.service = service;
        this.directory = directory;
        this.idempotency = idempotency;
        this.doctorImport = doctorImport;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CNMSS, Roles.ADMIN })
    @Operation(operationId = "referenceDoctor", summary = "Reference a doctor", description = "Creates the doctor with charter status PENDING_SIGNATURE and publishes doctor.referenced. Practice communes are checked against the reference geography; département, EPCI and région are derived.")
    @APIResponse(responseCode = "201", description = "Referenced; Location and ETag headers", content = @Content(schema = @Schema(implementation = DoctorView.class)))
    @APIResponse(responseCode = "400", description = "Invalid field", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = INVALID)))
    @APIResponse(responseCode = "409", description = "RPPS already referenced", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "duplicate", value = DUPLICATE)))
    @APIResponse(responseCode = "422", description = "Commune unknown or postal code not of the commune", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "location", value = UNKNOWN_COMMUNE)))
    public Response reference(@NotNull @Valid ReferenceInput input,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String idempotencyKey) {
        return idempotency.create("doctors", idempotencyKey, input, () -> {
            DoctorView doctor = service.reference(input.toCommand());
            return Etags.created("/api/v1/doctors/" + doctor.id(), doctor, doctor.version());
        });
    }

    @POST
    @Path("/imports")
    @Consumes("text/csv")
    @RolesAllowed({ Roles.CNMSS, Roles.ADMIN })
    @Operation(operationId = "importDoctors", summary = "Bulk onboarding from CSV", description = "All or nothing per file. Header: " + DoctorImport.HEADER_TEXT
            + ". One practice location per line; languages separated by '|'; charterSignedOn (optional) makes a new doctor ACTIVE. Existing RPPS are updated (details, location, capacity; never the charter); identical lines change nothing, so re-importing a file is harmless. Publishes doctor.referenced / doctor.updated for what changed.")
    @APIResponse(responseCode = "200", description = "What changed", content = @Content(schema = @Schema(implementation = DoctorImport.Report.class)))
    @APIResponse(responseCode = "422", description = "Every bad line with its number and reasons; nothing imported", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "bad lines", value = "{\"type\":\"urn:civmil:problem:invalid-import\",\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"2 line(s) are invalid; nothing was imported\",\"violations\":[{\"field\":\"line 3\",\"message\":\"rpps must be 11 digits\"},{\"field\":\"line 7\",\"message\":\"postal code 31000 is not a postal code of Toulon (83137); expected one of 83000, 83100, 83200\"}]}")))
    public DoctorImport.Report importCsv(@Schema(example = DoctorImport.EXAMPLE) String csv) {
        DoctorImport.Report report = doctorImport.importCsv(csv == null ? "" : csv, callers.current());
        doctorImport.refreshStatistics(report);
        return report;
    }

    @GET
    @RolesAllowed({ Roles.CNMSS, Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "searchDoctors", summary = "Search the directory", description = "Filters combine with AND. Only ACTIVE charters unless charterStatus names another status; accepting=true keeps the doctors able to take a household now. Default order: confirmed capacity first, then name. Each doctor carries inPriorityZone and the ORSAN crises in force in its départements.")
    @APIResponse(responseCode = "200", description = "A page of doctors", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DoctorPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filter or sort", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "invalid", value = "{\"type\":\"urn:civmil:problem:validation\",\"title\":\"Invalid request\",\"status\":400,\"detail\":\"specialty: unknown specialty 'SURGEON'; see the code list in the referral guide\",\"violations\":[{\"field\":\"specialty\",\"message\":\"unknown specialty 'SURGEON'; see the code list in the referral guide\"}]}")))
    public Uni<Response> search(@Valid @BeanParam DoctorSearchParams filters, @Valid @BeanParam PageRequest page) {
        // A stored answer goes out from the event loop; the search itself runs on a worker thread.
        DoctorSearch search = filters.toSearch();
        Optional<byte[]> stored = directory.storedJson(search, page);
        if (stored.isPresent()) {
            return Uni.createFrom().item(json(stored.get()));
        }
        return Uni.createFrom().item(() -> json(directory.searchJson(search, page)))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response json(byte[] answer) {
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The schema of a search answer: a Page of DoctorView (the resource returns it pre-rendered). */
    @Schema(name = "PageDoctorView", description = "A page of referenced doctors and the total count")
    static final class DoctorPage {
        @Schema(required = true, description = "The doctors of this page")
        public List<DoctorView> items;
        @Schema(required = true, description = "Zero-based page number", example = "0")
        public int page;
        @Schema(required = true, description = "Requested page size", example = "20")
        public int size;
        @Schema(required = true, description = "Number of doctors across all pages", example = "412")
        public long total;
        @Schema(required = true, description = "Number of pages", example = "21")
        public int totalPages;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.CNMSS, Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getDoctor", summary = "Read a doctor", description = "Returns the doctor with its ETag, to send back in If-Match when updating.")
    @APIResponse(responseCode = "200", description = "The doctor", content = @Content(schema = @Schema(implementation = DoctorView.class)))
    @APIResponse(responseCode = "404", description = "Unknown doctor", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public Response get(@PathParam("id") UUID id) {
        return respond(service.view(id));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CNMSS, Roles.ADMIN })
    @Operation(operationId = "updateDoctor", summary = "Update a doctor's details", description = "Name, profession, specialty, practice locations, phone, teleconsultation, languages. Publishes doctor.updated.")
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = DoctorView.class)))
    @APIResponse(responseCode = "422", description = "Location not in the reference geography", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "location", value = UNKNOWN_COMMUNE)))
    public Response update(@PathParam("id") UUID id, @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid DetailsInput input) {
        return respond(service.update(id, ifMatch, input.toCommand()));
    }

    @PUT
    @Path("/{id}/capacity")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CNMSS, Roles.ADMIN })
    @Operation(operationId = "updateDoctorCapacity", summary = "Record the capacity the doctor confirmed", description = "Accepting new military patients, remaining places (households) and the confirmation date. Publishes doctor.capacity-changed.")
    @APIResponse(responseCode = "200", description = "Updated; new ETag", content = @Content(schema = @Schema(implementation = DoctorView.class)))
    public Response updateCapacity(@PathParam("id") UUID id, @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CapacityInput input) {
        return respond(service.updateCapacity(id, ifMatch, input.toCommand()));
    }

    @POST
    @Path("/{id}/charter-transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.CNMSS, Roles.ADMIN })
    @Operation(operationId = "moveDoctorCharter", summary = "Move the charter to its next status", description = "PENDING_SIGNATURE → ACTIVE (signature) ⇄ SUSPENDED → WITHDRAWN (final; possible from any status). A reason is required to suspend or withdraw. Publishes doctor.charter-status-changed.")
    @APIResponse(responseCode = "200", description = "Moved; new ETag", content = @Content(schema = @Schema(implementation = DoctorView.class)))
    @APIResponse(responseCode = "409", description = "Transition not allowed from the current status", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "illegal", value = ILLEGAL)))
    public Response moveCharter(@PathParam("id") UUID id, @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @NotNull @Valid CharterTransitionInput input) {
        return respond(service.moveCharter(id, ifMatch, input.toCommand(), callers.current()));
    }

    @GET
    @Path("/{id}/charter-history")
    @RolesAllowed({ Roles.CNMSS, Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getDoctorCharterHistory", summary = "Charter history of a doctor", description = "Every step with its date, reason and who recorded it, oldest first.")
    @APIResponse(responseCode = "200", description = "The steps")
    @APIResponse(responseCode = "404", description = "Unknown doctor", content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "missing", value = NOT_FOUND)))
    public List<DoctorService.CharterStep> charterHistory(@PathParam("id") UUID id) {
        return service.charterHistory(id);
    }

    private static Response respond(DoctorView doctor) {
        return Etags.ok(doctor, doctor.version());
    }
}
