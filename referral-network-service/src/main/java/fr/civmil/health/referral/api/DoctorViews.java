package fr.civmil.health.referral.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.service.DoctorCommands;

/** What clients send to reference and maintain doctors, and the commands it makes. */
public final class DoctorViews {

    private DoctorViews() {
    }

    static final String PHONE = "^(\\+33|0)[1-9][0-9]{8}$";
    static final String LANGUAGE = "^[a-z]{2}$";

    @Schema(name = "PracticeLocationInput", description = "A practice address; département, EPCI and région derive from the commune")
    public record LocationInput(
            @Schema(example = "12 rue de la République") @NotBlank @Size(max = 300) String address,
            @Schema(description = "Must be one of the commune's postal codes", example = "83000") @NotNull @Pattern(regexp = "^[0-9]{5}$", message = "{civmil.referral.postal-code}") String postalCode,
            @Schema(pattern = IdentifierPatterns.INSEE_COMMUNE, description = "INSEE code of the commune (COG)", example = "83137") @NotNull @Identifier(IdentifierKind.INSEE_COMMUNE) String communeCode) {

        DoctorCommands.Location toCommand() {
            return new DoctorCommands.Location(address, postalCode, communeCode);
        }
    }

    @Schema(name = "CapacityInput", description = "How many new military households the doctor can take, as the doctor last confirmed it")
    public record CapacityInput(
            @Schema(example = "true") @NotNull Boolean acceptingNewPatients,
            @Schema(description = "Households the doctor can still take", example = "12") @NotNull @Min(0) @Max(10000) Integer remainingPlaces,
            @Schema(description = "When the doctor last confirmed these figures", example = "2026-11-02") @NotNull @PastOrPresent LocalDate confirmedOn) {

        DoctorCommands.Capacity toCommand() {
            return new DoctorCommands.Capacity(acceptingNewPatients, remainingPlaces, confirmedOn);
        }
    }

    @Schema(name = "DoctorReferenceInput", description = "A doctor to reference under the Fidélisation 360 charter (charter status starts at PENDING_SIGNATURE)")
    public record ReferenceInput(
            @Schema(pattern = IdentifierPatterns.RPPS, description = "RPPS number (11 digits), unique in the network", example = "10003456786") @NotNull @Identifier(IdentifierKind.RPPS) String rpps,
            @Schema(example = "Martin") @NotBlank @Size(max = 100) String lastName,
            @Schema(example = "Claire") @NotBlank @Size(max = 100) String firstName,
            @Schema(example = "PHYSICIAN") @NotNull Profession profession,
            @Schema(example = "GENERAL_PRACTICE") @NotNull Specialty specialty,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid LocationInput> practiceLocations,
            @Schema(example = "+33494000000") @Pattern(regexp = PHONE, message = "{civmil.referral.phone}") String phone,
            @Schema(example = "true") @NotNull Boolean teleconsultation,
            @Schema(description = "ISO 639-1 codes", example = "[\"fr\", \"en\"]") @Size(max = 10) List<@NotNull @Pattern(regexp = LANGUAGE, message = "{civmil.referral.language}") String> languages,
            @NotNull @Valid CapacityInput capacity) {

        DoctorCommands.Reference toCommand() {
            return new DoctorCommands.Reference(rpps, new DetailsInput(lastName, firstName, profession, specialty, practiceLocations,
                    phone, teleconsultation, languages).toCommand(), capacity.toCommand());
        }
    }

    @Schema(name = "DoctorDetailsInput", description = "The doctor's details (not the RPPS, capacity or charter, which have their own operations)")
    public record DetailsInput(
            @Schema(example = "Martin") @NotBlank @Size(max = 100) String lastName,
            @Schema(example = "Claire") @NotBlank @Size(max = 100) String firstName,
            @Schema(example = "PHYSICIAN") @NotNull Profession profession,
            @Schema(example = "GENERAL_PRACTICE") @NotNull Specialty specialty,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid LocationInput> practiceLocations,
            @Schema(example = "+33494000000") @Pattern(regexp = PHONE, message = "{civmil.referral.phone}") String phone,
            @Schema(example = "true") @NotNull Boolean teleconsultation,
            @Schema(example = "[\"fr\"]") @Size(max = 10) List<@NotNull @Pattern(regexp = LANGUAGE, message = "{civmil.referral.language}") String> languages) {

        DoctorCommands.Details toCommand() {
            return new DoctorCommands.Details(lastName, firstName, profession, specialty,
                    practiceLocations.stream().map(LocationInput::toCommand).toList(), phone, teleconsultation, languages);
        }
    }

    @Schema(name = "CharterTransitionInput", description = "A step of the charter lifecycle PENDING_SIGNATURE → ACTIVE ⇄ SUSPENDED → WITHDRAWN")
    public record CharterTransitionInput(
            @Schema(example = "ACTIVE") @NotNull CharterStatus to,
            @Schema(description = "Required when suspending or withdrawing", example = "Signed at the CNMSS office in Toulon") @Size(max = 500) String reason,
            @Schema(description = "Date the step takes effect (signature date for ACTIVE); today when omitted", example = "2026-11-20") @PastOrPresent LocalDate effectiveOn) {

        DoctorCommands.CharterTransition toCommand() {
            return new DoctorCommands.CharterTransition(to, reason, effectiveOn);
        }
    }
}
