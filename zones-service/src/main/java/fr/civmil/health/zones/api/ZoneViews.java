package fr.civmil.health.zones.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.strict.MultiLine;
import fr.civmil.health.reference.ReferenceGeography.Epci;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.ZoneStatus;
import fr.civmil.health.zones.domain.ZoneTransition;
import fr.civmil.health.zones.service.CrisisBoard.ActiveCrisis;
import fr.civmil.health.zones.service.ZoneDesignation;
import fr.civmil.health.zones.service.ZoneSummaries;

/** Request and response bodies of the priority-zone API. */
final class ZoneViews {

    /** A campaign's name, in the body and in query parameters alike. */
    static final String CAMPAIGN = "[a-z0-9][a-z0-9-]{0,59}";
    static final String CAMPAIGN_RULE = "{civmil.zones.campaign}";

    private ZoneViews() {
    }

    @Schema(name = "SelectionIndicators", description = "Why the ARS selected the zone")
    record Indicators(
            @Schema(description = "APL (accessibilité potentielle localisée): GP consultations per year and inhabitant", example = "2.1")
            @DecimalMin(value = "0", message = "{civmil.zones.zero-or-more}") @DecimalMax(value = "100", message = "{civmil.zones.at-most-100}") BigDecimal apl,
            @Schema(description = "Vulnerability index value", example = "0.82")
            @DecimalMin(value = "0", message = "{civmil.zones.zero-or-more}") @DecimalMax(value = "100000", message = "{civmil.zones.at-most-100000}") BigDecimal vulnerabilityIndex,
            @Schema(description = "Where the vulnerability index comes from", example = "DREES, indicateur de vulnérabilité 2025")
            @Size(max = 300) String vulnerabilitySource) {
    }

    @Schema(name = "Decision", description = "The decision that designated the zone")
    record Decision(@Schema(example = "2025-07-15") LocalDate date,
            @Schema(example = "Arrêté ARS Occitanie n° 2025-1234") @Size(max = 200) String reference) {
    }

    @Schema(name = "ZoneDesignationRequest", description = "Designates an EPCI as a priority zone; its name, population, départements and communes come from the reference geography")
    record DesignationRequest(
            @Schema(pattern = IdentifierPatterns.SIREN, description = "SIREN of the EPCI", example = "200044469", required = true) @NotNull @Identifier(IdentifierKind.SIREN) String epciSiren,
            @Schema(description = "Campaign (lower-case letters, digits, dashes)", example = "pacte-2025", required = true)
            @NotNull @Pattern(regexp = CAMPAIGN, message = CAMPAIGN_RULE) String campaign,
            @Schema(description = "PROPOSED (default) or DESIGNATED", example = "DESIGNATED") ZoneStatus status,
            @Valid Indicators indicators,
            @Valid Decision decision,
            @Schema(description = "Target consultation days per month in the zone", example = "8")
            @DecimalMin(value = "0", message = "{civmil.zones.zero-or-more}") @DecimalMax(value = "1000", message = "{civmil.zones.at-most-1000}") BigDecimal targetDaysPerMonth,
            @Schema(example = "Pilot from September 2025") @MultiLine @Size(max = 2000) String notes) {

        ZoneDesignation toDesignation() {
            Indicators i = indicators == null ? new Indicators(null, null, null) : indicators;
            Decision d = decision == null ? new Decision(null, null) : decision;
            return new ZoneDesignation(epciSiren, campaign, status, i.apl(), i.vulnerabilityIndex(), i.vulnerabilitySource(),
                    d.date(), d.reference(), targetDaysPerMonth, notes);
        }
    }

    @Schema(name = "ZoneUpdateRequest", description = "Replaces the fields the ARS supplies (the EPCI and campaign cannot change)")
    record UpdateRequest(@Valid Indicators indicators, @Valid Decision decision,
            @Schema(example = "8") @DecimalMin(value = "0", message = "{civmil.zones.zero-or-more}") @DecimalMax(value = "1000", message = "{civmil.zones.at-most-1000}") BigDecimal targetDaysPerMonth,
            @MultiLine @Size(max = 2000) String notes) {

        ZoneDesignation toFields() {
            return new DesignationRequest(null, null, null, indicators, decision, targetDaysPerMonth, notes).toDesignation();
        }
    }

    @Schema(name = "TransitionRequest", description = "Moves along a lifecycle; the reason is recorded")
    record TransitionRequest(@Schema(example = "ACTIVE", required = true) @NotNull ZoneStatus to,
            @Schema(example = "First consultation site opened", required = true) @NotBlank @Size(max = 1000) String reason) {
    }

    @Schema(name = "ActiveCrisis", description = "A crisis activation (partnership-service) touching the zone")
    record CrisisView(@Schema(example = "7d7c2a0e-0d6f-4f3a-9a55-0b3f8e7f4c11") String activationId,
            @Schema(example = "EPI_CLIM") String plan, @Schema(example = "[\"09\"]") List<String> departementCodes, Instant activatedAt) {
        static CrisisView of(ActiveCrisis c) {
            return new CrisisView(c.activationId(), c.plan(), c.departementCodes().stream().sorted().toList(), c.activatedAt());
        }
    }

    @Schema(name = "PriorityZone", description = "A priority zone for access to care")
    record ZoneView(UUID id,
            @Schema(example = "200044469") String epciSiren, @Schema(example = "CC du Pays de Mirepoix") String epciName,
            @Schema(example = "CC") String epciType, @Schema(example = "pacte-2025") String campaign,
            @Schema(example = "ACTIVE") ZoneStatus status, @Schema(example = "76") String regionCode,
            @Schema(example = "[\"09\"]") List<String> departementCodes,
            @Schema(description = "INSEE codes of the member communes") List<String> communeCodes,
            @Schema(description = "EPCI population (DGCL 2026)", example = "10584") Long population,
            Indicators indicators, Decision decision,
            @Schema(example = "8") BigDecimal targetDaysPerMonth, String notes,
            @Schema(description = "Crises active on the zone (by zone or département)") List<CrisisView> activeCrises,
            Instant createdAt, Instant updatedAt,
            @Schema(description = "In the answer to a transition only: what it changed in the zone's missions and sites") TransitionEffects effects) {

        static ZoneView of(PriorityZone z, Epci epci, List<ActiveCrisis> crises) {
            return of(z, epci, crises, null);
        }

        static ZoneView of(PriorityZone z, Epci epci, List<ActiveCrisis> crises, TransitionEffects effects) {
            return new ZoneView(z.id, z.epciSiren, z.epciName, z.epciType, z.campaign, z.status, z.regionCode,
                    epci.departementCodes(), epci.communeCodes(), z.population,
                    new Indicators(z.apl, z.vulnerabilityIndex, z.vulnerabilitySource),
                    new Decision(z.decisionDate, z.decisionReference), z.targetDaysPerMonth, z.notes,
                    crises.stream().filter(c -> c.touches(z.id, epci.departementCodes())).map(CrisisView::of).toList(),
                    z.createdAt, z.updatedAt, effects);
        }
    }

    @Schema(name = "ZoneTransitionEffects", description = "Suspending or retiring a zone cancels its missions still to come; retiring it also closes its sites")
    record TransitionEffects(@Schema(description = "Missions from today on, now CANCELLED with the zone's reason") List<UUID> cancelledMissionIds,
            @Schema(description = "Sites now CLOSED") List<UUID> closedSiteIds) {
    }

    @Schema(name = "ZoneTransition", description = "One recorded step of a zone's lifecycle")
    record TransitionView(ZoneStatus from, ZoneStatus to, String reason,
            @Schema(description = "Subject of the token that made the change", example = "dev-ars") String by, Instant at) {
        static TransitionView of(ZoneTransition t) {
            return new TransitionView(t.fromStatus, t.toStatus, t.reason, t.actor, t.at);
        }
    }

    @Schema(name = "BulkDesignationResult", description = "The zones designated from a CSV list")
    record BulkResult(@Schema(example = "19") int designated, List<BulkItem> zones) {
    }

    @Schema(name = "BulkDesignationItem")
    record BulkItem(UUID id, @Schema(example = "200044469") String epciSiren, @Schema(example = "CC du Pays de Mirepoix") String epciName,
            ZoneStatus status) {
    }

    @Schema(name = "ZoneSummary", description = "How much of a région's population the zones cover")
    record Summary(@Schema(example = "76") String regionCode, @Schema(example = "Occitanie") String regionName,
            @Schema(example = "pacte-2025") String campaign,
            @Schema(description = "Zones counted (retired ones excluded unless status=RETIRED)", example = "19") int zoneCount,
            @Schema(description = "Population of the zones' member communes: the sum of byDepartement", example = "185982") long populationCovered,
            @Schema(example = "6124653") Long regionPopulation,
            @Schema(description = "Percentage of the région's population covered", example = "3.04") BigDecimal shareOfRegionPopulation,
            @Schema(description = "The vintage of every population above") String populationSource,
            List<DepartementShare> byDepartement,
            @Schema(description = "What the ARS announced for this région and campaign, when known, with its own figures") Announced announced) {

        static Summary of(ZoneSummaries.Summary s) {
            var a = s.announced();
            return new Summary(s.regionCode(), s.regionName(), s.campaign(), s.zoneCount(), s.populationCovered(), s.regionPopulation(),
                    s.shareOfRegionPopulation(), ZoneSummaries.POPULATION_SOURCE,
                    s.byDepartement().stream().map(d -> new DepartementShare(d.code(), d.name(), d.zoneCount(), d.population())).toList(),
                    a == null ? null : new Announced(a.zoneCount(), a.population(), a.shareOfRegionPopulation(), s.announcedNotLoaded(), a.source()));
        }
    }

    @Schema(name = "ZoneSummaryDepartement")
    record DepartementShare(@Schema(example = "32") String code, @Schema(example = "Gers") String name,
            @Schema(description = "Zones with member communes in the département", example = "4") int zoneCount,
            @Schema(description = "Population of the zones' communes in the département", example = "39799") long population) {
    }

    @Schema(name = "AnnouncedDesignations", description = "The official announcement, to compare with what is loaded (its figures are its own: another vintage)")
    record Announced(@Schema(example = "28") int zoneCount, @Schema(example = "323497") long population,
            @Schema(description = "Share of the région's population, as announced", example = "5.3") BigDecimal shareOfRegionPopulation,
            @Schema(description = "Announced zones not loaded (not found in public sources)", example = "9") int notLoaded,
            String source) {
    }
}
