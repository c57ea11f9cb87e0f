package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.net.URI;
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

import fr.civmil.health.partnership.api.ReviewViews.CommentInput;
import fr.civmil.health.partnership.api.ReviewViews.CommentView;
import fr.civmil.health.partnership.domain.ReviewComparison;
import fr.civmil.health.partnership.api.ReviewViews.ReviewInput;
import fr.civmil.health.partnership.api.ReviewViews.ReviewRefresh;
import fr.civmil.health.partnership.api.ReviewViews.ReviewView;
import fr.civmil.health.partnership.api.ReviewViews.SignatureInput;
import fr.civmil.health.partnership.domain.AnnualReview;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.ReviewComment;
import fr.civmil.health.partnership.service.ContractService;
import fr.civmil.health.partnership.service.ReviewService;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.idempotency.IdempotentCreations;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Callers;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/partnerships/{contractId}/reviews")
@Tag(name = "Annual reviews", description = "The annual follow-up (suivi annuel): frozen snapshot, comments, sign-off by SSA and ARS, comparison and exports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
@APIResponse(responseCode = "404", description = "No such contract or review", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "not-found", value = ProblemExamples.NOT_FOUND)))
public class ReviewResource {

    private static final String SIGNED = """
            {"type":"urn:civmil:problem:review-signed","title":"Conflict","status":409,"detail":"The 2026 review was signed by both parties and cannot change"}""";
    private static final String OTHER_PARTY = """
            {"type":"urn:civmil:problem:signatory-party","title":"Forbidden","status":403,"detail":"Only SSA signs for SSA"}""";

    private final ReviewService reviews;
    private final ContractService contracts;
    private final IdempotentCreations idempotency;
    private final Callers callers;

    public ReviewResource(ReviewService reviews, ContractService contracts, IdempotentCreations idempotency, Callers callers) {
        this.reviews = reviews;
        this.contracts = contracts;
        this.idempotency = idempotency;
        this.callers = callers;
    }

    private Response view(AnnualReview review, Response.ResponseBuilder builder) {
        return builder.entity(ReviewView.of(reviews.details(review))).header("ETag", Etags.of(review.version)).build();
    }

    @GET
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listReviews", summary = "List the annual reviews of a contract", description = "Sort field: year (default newest first)")
    @APIResponse(responseCode = "200", description = "A page of reviews")
    public Page<ReviewView> list(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @BeanParam @Valid PageRequest page) {
        return reviews.page(contractId, page).map(ReviewView::of);
    }

    @POST
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "openReview", summary = "Open the review of a year: freezes every commitment's status and indicator value as of the review date",
            description = "Idempotent with an Idempotency-Key header")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "400", description = "Invalid year or date", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    @APIResponse(responseCode = "409", description = "Already opened for that year, or the contract is closed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "conflict", value = ProblemExamples.CONFLICT)))
    public Response open(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Makes retries safe: the same key and body return the first response") @HeaderParam(IdempotentCreations.HEADER) String key,
            @Valid @NotNull ReviewInput input) {
        return idempotency.create("reviews:" + contractId, key, input, () -> {
            AnnualReview review = reviews.open(contractId, input.year(), input.reviewDate(), callers.current());
            return view(review, Response.created(URI.create("/api/v1/partnerships/" + contractId + "/reviews/" + review.year)));
        });
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getReview", summary = "Read the review of a year with its snapshot, comments and signatures")
    @APIResponse(responseCode = "200", description = "The review", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    public Response get(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year) {
        return view(reviews.find(contractId, year), Response.ok());
    }

    @POST
    @Path("/{year}/snapshot")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "snapshotReview", summary = "Take the snapshot again before anyone signed")
    @APIResponse(responseCode = "200", description = "The review with its new snapshot", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "409", description = "A party already signed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "signed", value = SIGNED)))
    public Response refresh(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull ReviewRefresh input) {
        return view(reviews.refresh(contractId, year, ifMatch, input.reviewDate(), callers.current()), Response.ok());
    }

    @POST
    @Path("/{year}/comments")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "commentReview", summary = "Comment on a commitment of the review", description = "Changes the review's ETag: signers sign what they read")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "409", description = "Both parties signed", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "signed", value = SIGNED)))
    @APIResponse(responseCode = "422", description = "The commitment is not in the review", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unknown-commitment", value = ProblemExamples.UNPROCESSABLE)))
    public Response comment(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year,
            @Valid @NotNull CommentInput input) {
        ReviewComment comment = reviews.comment(contractId, year, input.commitmentId(), input.text(), callers.current());
        return Response.created(URI.create("/api/v1/partnerships/" + contractId + "/reviews/" + year))
                .entity(CommentView.of(comment)).build();
    }

    @POST
    @Path("/{year}/signatures/{party}")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.ADMIN })
    @Extension(name = Caller.REGION_SCOPED_EXTENSION, value = "true", parseValue = true)
    @Operation(operationId = "signReview", summary = "Sign the review off for one party",
            description = "An ssa caller signs for SSA only, an ars caller for ARS only, naming the contract's signatory who signs (the export shows that name and function). Once both signed, the review is immutable. Publishes review.signed")
    @APIResponse(responseCode = "200", description = "Signed", content = @Content(schema = @Schema(implementation = ReviewView.class)))
    @APIResponse(responseCode = "403", description = "The role does not allow this, or the caller signs for the other party", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "other-party", value = OTHER_PARTY)))
    @APIResponse(responseCode = "409", description = "This party already signed, or both did", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "signed", value = SIGNED)))
    @APIResponse(responseCode = "422", description = "The named signatory does not sign for this party", content = @Content(mediaType = PROBLEM,
            examples = @ExampleObject(name = "unknown-signatory", value = ProblemExamples.UNPROCESSABLE)))
    public Response sign(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year,
            @Parameter(description = "The party signing: SSA or ARS", example = "ARS") @PathParam("party") Party party,
            @Parameter(description = "ETag of your last read") @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SignatureInput input) {
        return view(reviews.sign(contractId, year, party, input.signatory(), ifMatch, callers.current()), Response.ok());
    }

    @GET
    @Path("/{year}/comparison")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "compareReview", summary = "Compare this review with another year's, commitment by commitment")
    @APIResponse(responseCode = "200", description = "Statuses and indicator values in both years")
    @APIResponse(responseCode = "400", description = "Missing other year", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
    public ReviewComparison compare(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year,
            @Parameter(description = "The year to compare with", example = "2025") @QueryParam("with") @NotNull Integer with) {
        return reviews.compare(contractId, year, with);
    }

    @GET
    @Path("/{year}/export.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "exportReviewCsv", summary = "The review as CSV: one row per commitment and indicator, comments joined")
    @APIResponse(responseCode = "200", description = "CSV (UTF-8, RFC 4180)", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = @ExampleObject(name = "csv", value = "axis,commitment_id,commitment,owner,status,due_date,late,indicator,unit,baseline,target,value,measured_on,progress_percent,target_reached,comments\r\n1,0b6b…,Consultations avancées,JOINT,IN_PROGRESS,2026-12-31,false,Journées,days,0.00,500.00,120.00,2026-10-31,24.0,false,\r\n")))
    public Response csv(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year) {
        AnnualReview review = reviews.find(contractId, year);
        return Response.ok(ReviewDocuments.csv(review, ReviewComment.ofReview(review.id)), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"review-" + year + ".csv\"").build();
    }

    @GET
    @Path("/{year}/export.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "exportReviewHtml", summary = "The review as a print-ready HTML document (A4 landscape) for the review meeting")
    @APIResponse(responseCode = "200", description = "HTML document", content = @Content(mediaType = MediaType.TEXT_HTML,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response html(@Parameter(description = "Contract id") @PathParam("contractId") UUID contractId,
            @Parameter(description = "Year", example = "2026") @PathParam("year") int year) {
        AnnualReview review = reviews.find(contractId, year);
        return Response.ok(ReviewDocuments.html(contracts.find(contractId), contracts.axes(contractId), review,
                ReviewComment.ofReview(review.id), CommitteeMeeting.heldIn(contractId, review.year)), "text/html; charset=UTF-8").build();
    }
}
