package fr.civmil.health.referral.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.service.DoctorSearch;

/**
 * Filters of the directory search; every one is optional and they combine with AND. Booleans are read as strings so
 * that anything but their exact spelling is a 400 naming the parameter (JAX-RS would read "yes" as false); the
 * document declares them as booleans. The charter status is read by the platform's enum converter.
 */
public class DoctorSearchParams {

    static final String BOOLEAN = "^(true|false)$";

    @QueryParam("departementCode")
    @Identifier(IdentifierKind.DEPARTEMENT)
    @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.DEPARTEMENT), description = "Département of a practice location", example = "83")
    public String departementCode;

    @QueryParam("communeCode")
    @Identifier(IdentifierKind.INSEE_COMMUNE)
    @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.INSEE_COMMUNE), description = "INSEE code of the commune of a practice location", example = "83137")
    public String communeCode;

    @QueryParam("epciSiren")
    @Identifier(IdentifierKind.SIREN)
    @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.SIREN), description = "SIREN of the EPCI (intercommunalité) of a practice location", example = "248300543")
    public String epciSiren;

    @QueryParam("specialty")
    @Pattern(regexp = "[A-Z0-9_]{1,40}", message = "{civmil.referral.specialty}")
    @Parameter(description = "Specialty code (enum name, or its TRE_R38 code such as SM54)", example = "GENERAL_PRACTICE")
    public String specialty;

    @QueryParam("accepting")
    @Pattern(regexp = BOOLEAN, message = "{civmil.referral.boolean}")
    @Parameter(description = "true: able to take a household now (ACTIVE charter, accepting new military patients, at least one place left); false: the others", example = "true", schema = @Schema(type = SchemaType.BOOLEAN))
    public String accepting;

    @QueryParam("teleconsultation")
    @Pattern(regexp = BOOLEAN, message = "{civmil.referral.boolean}")
    @Parameter(description = "Offers teleconsultation", example = "true", schema = @Schema(type = SchemaType.BOOLEAN))
    public String teleconsultation;

    @QueryParam("inPriorityZone")
    @Pattern(regexp = BOOLEAN, message = "{civmil.referral.boolean}")
    @Parameter(description = "Practises in a commune of a priority zone (zones-service)", example = "true", schema = @Schema(type = SchemaType.BOOLEAN))
    public String inPriorityZone;

    @QueryParam("charterStatus")
    @Parameter(description = "Charter status; ACTIVE when absent (the back office names another status to see those doctors)", example = "ACTIVE")
    public CharterStatus charterStatus;

    @QueryParam("name")
    @Size(min = 2, max = 100, message = "{civmil.referral.name-length}")
    @Parameter(description = "Part of the doctor's name (case and accents ignored)", example = "martin")
    public String name;

    @QueryParam("rpps")
    @Identifier(IdentifierKind.RPPS)
    @Parameter(schema = @Schema(type = SchemaType.STRING, pattern = IdentifierPatterns.RPPS), description = "RPPS number", example = "10003456786")
    public String rpps;

    DoctorSearch toSearch() {
        return new DoctorSearch(departementCode, communeCode, epciSiren, specialty, accepting, teleconsultation, inPriorityZone,
                charterStatus, name, rpps);
    }
}
