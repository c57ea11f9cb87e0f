package fr.civmil.health.zones.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.strict.MultiLine;
import fr.civmil.health.zones.domain.ConsultationSite;
import fr.civmil.health.zones.domain.InternPlacement;
import fr.civmil.health.zones.domain.MissionStatus;
import fr.civmil.health.zones.domain.SiteKind;
import fr.civmil.health.zones.domain.SiteStatus;
import fr.civmil.health.zones.domain.Slot;
import fr.civmil.health.zones.domain.SolidarityMission;
import fr.civmil.health.zones.service.SiteDraft;

/** Request and response bodies of sites, missions and intern placements. */
final class SiteViews {

    private SiteViews() {
    }

    @Schema(name = "Address")
    record Address(@Schema(example = "2 place du Maréchal Leclerc", required = true) @NotBlank @Size(max = 300) String line,
            @Schema(example = "09500", required = true) @NotNull @Pattern(regexp = "\\d{5}", message = "{civmil.zones.postal-code}") String postalCode) {
    }

    @Schema(name = "Accessibility")
    record Accessibility(@Schema(description = "Step-free access for wheelchairs", example = "true") boolean stepFreeAccess,
            @Schema(example = "Lift to the first floor") @MultiLine @Size(max = 1000) String notes) {
    }

    @Schema(name = "Contact", description = "Who opens the premises (a professional contact)")
    record Contact(@Schema(example = "Secrétariat de la MSP") @Size(max = 200) String name,
            @Schema(example = "+33 5 61 00 00 00") @Size(max = 40) @Pattern(regexp = "[+0-9 ().-]*", message = "{civmil.zones.phone}") String phone,
            @Schema(format = "email", example = "msp.mirepoix@example.fr") @Size(max = 200) @Email String email) {
    }

    @Schema(name = "ConsultationSiteRequest", description = "A consultation site in a member commune of the zone's EPCI")
    record SiteRequest(@Schema(required = true) @NotNull UUID zoneId,
            @Schema(pattern = IdentifierPatterns.INSEE_COMMUNE, description = "INSEE code of the commune", example = "09194", required = true) @NotNull @Identifier(IdentifierKind.INSEE_COMMUNE) String communeCode,
            @Schema(example = "Maison de santé de Mirepoix", required = true) @NotBlank @Size(max = 200) String name,
            @Schema(required = true) @NotNull SiteKind kind,
            @Schema(required = true) @NotNull @Valid Address address,
            @Schema(description = "Consulting rooms (doctors at once)", example = "2", required = true) @Min(value = 1, message = "{civmil.zones.between-1-and-50}") @Max(value = 50, message = "{civmil.zones.between-1-and-50}") int rooms,
            @Valid Accessibility accessibility,
            @Valid Contact contact) {

        SiteDraft toDraft() {
            Accessibility a = accessibility == null ? new Accessibility(false, null) : accessibility;
            Contact c = contact == null ? new Contact(null, null, null) : contact;
            return new SiteDraft(zoneId, communeCode, name, kind, address.line(), address.postalCode(), rooms, a.stepFreeAccess(), a.notes(),
                    c.name(), c.phone(), c.email());
        }
    }

    @Schema(name = "SiteTransitionRequest")
    record SiteTransitionRequest(@Schema(example = "OPEN", required = true) @NotNull SiteStatus to,
            @Schema(example = "Premises equipped") @Size(max = 1000) String reason) {
    }

    @Schema(name = "ConsultationSite")
    record SiteView(UUID id, UUID zoneId, @Schema(example = "09194") String communeCode, @Schema(example = "Mirepoix") String communeName,
            String name, SiteKind kind, Address address, int rooms, Accessibility accessibility, Contact contact, SiteStatus status,
            Instant createdAt, Instant updatedAt) {
        static SiteView of(ConsultationSite s, String communeName) {
            return new SiteView(s.id, s.zoneId, s.communeCode, communeName, s.name, s.kind, new Address(s.addressLine, s.postalCode),
                    s.rooms, new Accessibility(s.stepFreeAccess, s.accessibilityNotes), new Contact(s.contactName, s.contactPhone, s.contactEmail),
                    s.status, s.createdAt, s.updatedAt);
        }
    }

    @Schema(name = "VolunteerDoctor")
    record Doctor(@Schema(pattern = IdentifierPatterns.RPPS, example = "10101010105", required = true) @NotNull @Identifier(IdentifierKind.RPPS) String rpps,
            @Schema(example = "Dr Anne Martin", required = true) @NotBlank @Size(max = 200) String name) {
    }

    @Schema(name = "SolidarityMissionRequest", description = "A volunteer doctor books a site for a half-day or a day")
    record MissionRequest(@Schema(required = true) @NotNull UUID siteId, @Schema(required = true) @NotNull @Valid Doctor doctor,
            @Schema(example = "2026-12-03", required = true) @NotNull LocalDate date,
            @Schema(example = "MORNING", required = true) @NotNull Slot slot) {
    }

    @Schema(name = "MissionTransitionRequest", description = "Reason required to cancel")
    record MissionTransitionRequest(@Schema(example = "CANCELLED", required = true) @NotNull MissionStatus to,
            @Schema(example = "Doctor ill") @Size(max = 1000) String reason) {
    }

    @Schema(name = "SolidarityMission")
    record MissionView(UUID id, UUID siteId, UUID zoneId, Doctor doctor, LocalDate date, Slot slot,
            @Schema(example = "0.5") BigDecimal days, MissionStatus status, String reason,
            @Schema(example = "76") String regionCode, @Schema(example = "09") String departementCode,
            @Schema(description = "Euros owed to the doctor on top of the consultations' fees, fixed when the mission is completed; null before", example = "200.00") BigDecimal allowanceEur,
            Instant createdAt, Instant updatedAt) {
        static MissionView of(SolidarityMission m) {
            return new MissionView(m.id, m.siteId, m.zoneId, new Doctor(m.doctorRpps, m.doctorName), m.date, m.slot, m.days, m.status,
                    m.reason, m.regionCode, m.departementCode, m.allowance, m.createdAt, m.updatedAt);
        }
    }

    @Schema(name = "InternPlacementRequest", description = "A 4th-year GP intern (docteur junior) placed in the zone")
    record PlacementRequest(@Schema(description = "The faculty's identifier of the intern", example = "TLS-2026-0142", required = true) @NotBlank @Size(max = 60) String internId,
            @Schema(example = "Faculté de santé de Toulouse", required = true) @NotBlank @Size(max = 200) String faculty,
            @Schema(pattern = IdentifierPatterns.RPPS, example = "10101010105", required = true) @NotNull @Identifier(IdentifierKind.RPPS) String supervisorRpps,
            @Schema(example = "2026-11-02", required = true) @NotNull LocalDate from,
            @Schema(example = "2027-04-30", required = true) @NotNull LocalDate to) {
    }

    @Schema(name = "InternPlacement")
    record PlacementView(UUID id, UUID zoneId, String internId, String faculty, String supervisorRpps, LocalDate from, LocalDate to,
            Instant createdAt) {
        static PlacementView of(InternPlacement p) {
            return new PlacementView(p.id, p.zoneId, p.internId, p.faculty, p.supervisorRpps, p.startDate, p.endDate, p.createdAt);
        }
    }
}
