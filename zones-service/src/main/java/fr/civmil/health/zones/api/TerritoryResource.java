package fr.civmil.health.zones.api;

import static java.util.Comparator.comparing;
import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsFirst;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Roles;
import fr.civmil.health.reference.ReferenceGeography.Commune;
import fr.civmil.health.reference.ReferenceGeography.Departement;
import fr.civmil.health.reference.ReferenceGeography.Epci;
import fr.civmil.health.reference.ReferenceGeography.Region;
import fr.civmil.health.reference.ReferenceGeography;
import fr.civmil.health.zones.api.TerritoryViews.CommuneView;
import fr.civmil.health.zones.api.TerritoryViews.DepartementView;
import fr.civmil.health.zones.api.TerritoryViews.EpciView;
import fr.civmil.health.zones.api.TerritoryViews.RegionView;

/** The national reference geography, read-only and answered from memory. */
@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Territories", description = "Reference geography: régions, départements, EPCI and communes (@etalab/decoupage-administratif 6.0.0, COG 2026)")
@RolesAllowed({ Roles.ARS, Roles.SSA, Roles.CNMSS, Roles.AUDITOR, Roles.ADMIN })
public class TerritoryResource {

    static final String NOT_FOUND_EXAMPLE = """
            {"type":"urn:civmil:problem:not-found","title":"Not found","status":404,"detail":"EPCI 200044468 does not exist","instance":"/api/v1/territories/epci/200044468"}""";

    private final ReferenceGeography geography;

    public TerritoryResource(ReferenceGeography geography) {
        this.geography = geography;
    }

    @GET
    @Path("/regions")
    @Operation(operationId = "listRegions", summary = "List the régions")
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<RegionView> regions(@Valid @BeanParam PageRequest page) {
        Map<String, Comparator<Region>> sortable = Map.of("code", comparing(Region::code), "name", comparing(Region::name),
                "population", comparing(Region::population, nullsFirst(naturalOrder())));
        return InMemoryPages.page(List.copyOf(geography.regions()), page, sortable, "code", "code", RegionView::of);
    }

    @GET
    @Path("/regions/{code}")
    @Operation(operationId = "getRegion", summary = "Read a région")
    @APIResponse(responseCode = "200", description = "The région")
    @APIResponse(responseCode = "404", description = "Unknown région code", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public RegionView region(@Parameter(description = "INSEE région code", example = "76") @PathParam("code") @Pattern(regexp = IdentifierPatterns.REGION) String code) {
        return geography.region(code).map(RegionView::of).orElseThrow(() -> ApiProblem.notFound("region", code));
    }

    @GET
    @Path("/departements")
    @Operation(operationId = "listDepartements", summary = "List the départements, optionally of one région")
    @APIResponse(responseCode = "400", description = "Malformed région code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<DepartementView> departements(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.REGION), description = "Région code", example = "76") @QueryParam("region") @Identifier(IdentifierKind.REGION) String region,
            @Valid @BeanParam PageRequest page) {
        Map<String, Comparator<Departement>> sortable = Map.of("code", comparing(Departement::code),
                "name", comparing(Departement::name), "population", comparing(Departement::population, nullsFirst(naturalOrder())));
        return InMemoryPages.page(geography.departements(region), page, sortable, "code", "code", DepartementView::of);
    }

    @GET
    @Path("/departements/{code}")
    @Operation(operationId = "getDepartement", summary = "Read a département")
    @APIResponse(responseCode = "200", description = "The département")
    @APIResponse(responseCode = "404", description = "Unknown département code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public DepartementView departement(@Parameter(description = "Département code", example = "09") @PathParam("code") @Pattern(regexp = IdentifierPatterns.DEPARTEMENT) String code) {
        return geography.departement(code).map(DepartementView::of).orElseThrow(() -> ApiProblem.notFound("departement", code));
    }

    @GET
    @Path("/epci/{siren}")
    @Operation(operationId = "getEpci", summary = "Read an EPCI with its member communes")
    @APIResponse(responseCode = "200", description = "The EPCI")
    @APIResponse(responseCode = "404", description = "No EPCI has this SIREN", content = @Content(mediaType = Problem.MEDIA_TYPE,
            examples = @ExampleObject(name = "unknown", value = NOT_FOUND_EXAMPLE)))
    public EpciView epci(@Parameter(description = "SIREN of the EPCI", example = "200044469") @PathParam("siren") @Pattern(regexp = IdentifierPatterns.SIREN) String siren) {
        return geography.epci(siren).map(EpciView::of).orElseThrow(() -> ApiProblem.notFound("epci", siren));
    }

    @GET
    @Path("/epci")
    @Operation(operationId = "searchEpci", summary = "Search EPCI by département and name")
    @APIResponse(responseCode = "400", description = "Malformed département code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<EpciView> epcis(
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Département with at least one member commune", example = "32") @QueryParam("departement") @Identifier(IdentifierKind.DEPARTEMENT) String departement,
            @Parameter(description = "Text in the name (case and accents ignored)", example = "lomagne") @QueryParam("q") @Size(max = 100) String q,
            @Valid @BeanParam PageRequest page) {
        Map<String, Comparator<Epci>> sortable = Map.of("siren", comparing(Epci::siren), "name", comparing(Epci::name),
                "population", comparing(Epci::population, nullsFirst(naturalOrder())));
        return InMemoryPages.page(geography.epcis(departement, q), page, sortable, "name", "siren", EpciView::of);
    }

    @GET
    @Path("/communes/{insee}")
    @Operation(operationId = "getCommune", summary = "Read a commune")
    @APIResponse(responseCode = "200", description = "The commune")
    @APIResponse(responseCode = "404", description = "Unknown INSEE code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public CommuneView commune(@Parameter(description = "INSEE commune code", example = "09194") @PathParam("insee") @Pattern(regexp = IdentifierPatterns.INSEE_COMMUNE) String insee) {
        return geography.commune(insee).map(CommuneView::of).orElseThrow(() -> ApiProblem.notFound("commune", insee));
    }

    @GET
    @Path("/communes")
    @Operation(operationId = "searchCommunes", summary = "Search communes by name, postal code and département", description = "Names starting with the text come first.")
    @APIResponse(responseCode = "400", description = "Malformed postal or département code", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "200", description = "A page of results")
    public Page<CommuneView> communes(
            @Parameter(description = "Text in the name (case and accents ignored)", example = "mirepoix") @QueryParam("q") @Size(max = 100) String q,
            @Parameter(description = "Postal code", example = "09500") @QueryParam("postalCode") @Pattern(regexp = "\\d{5}", message = "{civmil.zones.postal-code}") String postalCode,
            @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Département code", example = "09") @QueryParam("departement") @Identifier(IdentifierKind.DEPARTEMENT) String departement,
            @Valid @BeanParam PageRequest page) {
        Map<String, Comparator<Commune>> sortable = Map.of("insee", comparing(Commune::insee), "name", comparing(Commune::name),
                "population", comparing(Commune::population, nullsFirst(naturalOrder())));
        return InMemoryPages.page(geography.communes(q, postalCode, departement), page, sortable, "name", "insee", CommuneView::of);
    }
}
