package fr.civmil.health.partnership.api;

import static fr.civmil.health.partnership.api.ProblemExamples.PROBLEM;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.partnership.service.FeedFigures.MonthDays;
import fr.civmil.health.partnership.service.FeedFigures;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.platform.security.Roles;

@Path("/api/v1/partnerships/figures")
@Tag(name = "Figures", description = "What other services' events told this service, behind the automatic indicators")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Missing or malformed région or month", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "bad-request", value = ProblemExamples.BAD_REQUEST)))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "unauthorized", value = ProblemExamples.UNAUTHORIZED)))
@APIResponse(responseCode = "403", description = "The caller's role does not allow this", content = @Content(mediaType = PROBLEM, examples = @ExampleObject(name = "forbidden", value = ProblemExamples.FORBIDDEN)))
public class FiguresResource {

    @Schema(name = "ConsultationDays", description = "Completed solidarity-mission consultation days in priority zones, per month")
    public record ConsultationDays(@Schema(example = "76") String regionCode, List<MonthDays> months, @Schema(example = "42.5") BigDecimal total) {
    }

    @Schema(name = "ReferencedDoctors", description = "Doctors of the CNMSS network whose charter is active")
    public record ReferencedDoctors(@Schema(example = "76") String regionCode, @Schema(example = "128") long active) {
    }

    private final FeedFigures figures;

    public FiguresResource(FeedFigures figures) {
        this.figures = figures;
    }

    @GET
    @Path("/consultation-days")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getConsultationDays", summary = "Consultation days completed in priority zones per month of a région (from zones-service events)")
    @APIResponse(responseCode = "200", description = "Days per month, cancelled missions excluded")
    public ConsultationDays consultationDays(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @NotNull @Identifier(IdentifierKind.REGION) String region,
            @Parameter(description = "First month", example = "2026-01") @QueryParam("from") @NotNull YearMonth from,
            @Parameter(description = "Last month", example = "2026-12") @QueryParam("to") @NotNull YearMonth to) {
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "field.not-before", "from");
        }
        List<MonthDays> months = figures.consultationDaysPerMonth(region, from, to);
        return new ConsultationDays(region, months, months.stream().map(MonthDays::days).reduce(BigDecimal.ZERO.setScale(1), BigDecimal::add));
    }

    @GET
    @Path("/referenced-doctors")
    @RolesAllowed({ Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "getReferencedDoctorsFigure", summary = "Referenced doctors with an active charter in a région (from referral-network events)")
    @APIResponse(responseCode = "200", description = "The count")
    public ReferencedDoctors referencedDoctors(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @NotNull @Identifier(IdentifierKind.REGION) String region) {
        return new ReferencedDoctors(region, figures.activeDoctors(region));
    }
}
