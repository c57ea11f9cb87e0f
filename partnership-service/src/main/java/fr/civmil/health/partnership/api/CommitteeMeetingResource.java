package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

import fr.civmil.health.partnership.api.CommitteeViews.DecisionInput;
import fr.civmil.health.partnership.api.CommitteeViews.DecisionView;
import fr.civmil.health.partnership.api.CommitteeViews.MeetingInput;
import fr.civmil.health.partnership.api.CommitteeViews.MeetingView;
import fr.civmil.health.partnership.api.ReviewViews.SignatureInput;
import fr.civmil.health.partnership.domain.CommitteeDecision;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.service.CommitteeService;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/partnerships/{contractId}/committee-meetings")
@Tag(name = "Follow-up committee", description = "The contract's follow-up committee (comité de suivi): meetings, attendees, minutes, decisions on commitments, sign-off by SSA and ARS")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitteeMeetingResource {

    private static final String SIGNED = """
            {"type":"urn:civmil:problem:minutes-signed","title":"Conflict","status":409,"detail":"The minutes of the 26/11/2026 meeting were signed: the meeting no longer changes"}""";

    private final CommitteeService committee;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public CommitteeMeetingResource(CommitteeService committee, IdempotentCreations idempotency, Callers callers) {
        this.committee = committee;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    private Response view(CommitteeMeeting meeting, Response.ResponseBuilder builder) {
        return builder.entity(MeetingView.of(meeting, committee.decisions(meeting.id))).header("ETag", Etags.of(meeting.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listCommitteeMeetings", summary = "List the committee's meetings, newest first", description = "Sort field: heldOn")
    @APIResponse(responseCode = "200", description = "A page of meetings")
    public Page<MeetingView> list(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Only the meetings held in this year", example = "2026") @QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @BeanParam @Valid PageRequest page) {
        Page<CommitteeMeeting> meetings = committee.page(contractId, year, page);
        Map<UUID, List<CommitteeDecision>> decisions = committee.decisions(meetings.items());
        return meetings.map(m -> MeetingView.of(m, decisions.getOrDefault(m.id, List.of())));
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "recordCommitteeMeeting", summary = "Record a meeting of the committee: when, who attended for each party, the minutes",
            description = "Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "The contract is closed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response record(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull MeetingInput input) {
        return idempotency.create("committee:" + contractId, key, input, () -> {
            CommitteeMeeting meeting = committee.record(contractId, input.toRecord(), callers.current());
            return view(meeting, Response.created(URI.create("/api/v1/partnerships/" + contractId + "/committee-meetings/" + meeting.id)));
        });
    }

    @GET
    @Path("/{meetingId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getCommitteeMeeting", summary = "Read a meeting with its attendees, minutes, decisions and signatures")
    @APIResponse(responseCode = "200", description = "The meeting", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    public Response get(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Meeting id") @PathParam("meetingId") UUID meetingId) {
        return view(committee.find(contractId, meetingId), Response.ok());
    }

    @PUT
    @Path("/{meetingId}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "correctCommitteeMeeting", summary = "Correct a meeting (date, attendees, minutes) before any party signed")
    @APIResponse(responseCode = "200", description = "Corrected", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "A party signed the minutes", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "signed", value = SIGNED)))
    public Response correct(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Meeting id") @PathParam("meetingId") UUID meetingId,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull MeetingInput input) {
        return view(committee.correct(contractId, meetingId, ifMatch, input.toRecord(), callers.current()), Response.ok());
    }

    @POST
    @Path("/{meetingId}/decisions")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "recordCommitteeDecision", summary = "Record a decision on a commitment and apply it",
            description = "The commitment moves to the decided status by its lifecycle's rules, in the same transaction; its status history names the decision and commitment.status-changed is published. Changes the meeting's ETag.")
    @APIResponse(responseCode = "201", description = "Recorded and applied", content = @Content(schema = @Schema(implementation = DecisionView.class)))
    @APIResponse(responseCode = "409", description = "The commitment cannot take that status, or the minutes were signed", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "signed", value = SIGNED)))
    @APIResponse(responseCode = "422", description = "The commitment is not part of this contract", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "unknown-commitment", value = ProblemExamples.UNPROCESSABLE)))
    public Response decide(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Meeting id") @PathParam("meetingId") UUID meetingId,
            @Valid @NotNull DecisionInput input) {
        CommitteeDecision decision = committee.decide(contractId, meetingId, input.toDecision(), callers.current());
        return Response.created(URI.create("/api/v1/partnerships/" + contractId + "/committee-meetings/" + meetingId))
                .entity(DecisionView.of(decision)).build();
    }

    @POST
    @Path("/{meetingId}/signatures/{party}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "signCommitteeMinutes", summary = "Sign the minutes off for one party",
            description = "An ssa caller signs for SSA only, an ars caller for ARS only, naming the contract's signatory who signs. The minutes must be written and both parties must have attended. From the first signature on, the meeting no longer changes.")
    @APIResponse(responseCode = "200", description = "Signed", content = @Content(schema = @Schema(implementation = MeetingView.class)))
    @APIResponse(responseCode = "409", description = "Already signed by this party, no minutes, or a party absent", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    @APIResponse(responseCode = "422", description = "The named signatory does not sign for this party", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "unknown-signatory", value = ProblemExamples.UNPROCESSABLE)))
    public Response sign(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Meeting id") @PathParam("meetingId") UUID meetingId,
            @Parameter(description = "The party signing: SSA or ARS", example = "ARS") @PathParam("party") Party party,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SignatureInput input) {
        return view(committee.sign(contractId, meetingId, party, input.signatory(), ifMatch, callers.current()),
                Response.ok());
    }
}
