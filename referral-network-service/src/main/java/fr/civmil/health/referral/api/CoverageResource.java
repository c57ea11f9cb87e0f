package fr.civmil.health.referral.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.referral.service.CoverageService;
import fr.civmil.health.referral.service.CoverageView;

@Path("/api/v1/coverage")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Coverage", description = "The referral network's figures per département")
public class CoverageResource {

    private final CoverageService coverage;

    public CoverageResource(CoverageService coverage) {
        this.coverage = coverage;
    }

    @GET
    @Path("/departements")
    @RolesAllowed({ Roles.CNMSS, Roles.ARS, Roles.SSA, Roles.AUDITOR, Roles.ADMIN })
    @Operation(operationId = "listDepartementCoverage", summary = "Coverage per département", description = "Every département of the reference geography (optionally of one région), in code order: active referenced doctors by specialty, remaining places, open requests, median days from request to assignment, doctors practising in priority zones, ORSAN crises in force. Counts only: nothing about households.")
    @APIResponse(responseCode = "200", description = "A page of départements")
    @APIResponse(responseCode = "400", description = "Invalid région or département code")
    public Page<CoverageView> departements(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Only the départements of this région", example = "76") @QueryParam("regionCode") @Identifier(IdentifierKind.REGION) String regionCode,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Only this département", example = "31") @QueryParam("departementCode") @Identifier(IdentifierKind.DEPARTEMENT) String departementCode,
            @Valid @BeanParam PageRequest page) {
        return coverage.departements(regionCode, departementCode, page);
    }
}
