package fr.civmil.health.zones.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Coverage figures of zones (read models answered by {@link CoverageService}). */
public final class Coverage {

    private Coverage() {
    }

    @Schema(name = "ZoneCoverage", description = "Consultation days in a zone, month by month, against its target")
    public record ZoneCoverage(UUID zoneId, @Schema(example = "CC du Pays de Mirepoix") String epciName,
            @Schema(description = "The zone's status", enumeration = { "PROPOSED", "DESIGNATED", "ACTIVE", "SUSPENDED", "RETIRED" }, example = "ACTIVE") String status,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-09") YearMonth from,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2027-08") YearMonth to,
            @Schema(description = "Target consultation days per month", example = "8") BigDecimal targetDaysPerMonth,
            @Schema(description = "CNMSS-referenced doctors with an active charter practising in the zone's communes (now)", example = "3") long referencedDoctors,
            List<Month> months) {
    }

    @Schema(name = "ZoneCoverageMonth")
    public record Month(@Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "2026-12") YearMonth month,
            @Schema(example = "8") BigDecimal targetDays,
            @Schema(description = "Days booked and not cancelled (planned, confirmed or completed)", example = "6.5") BigDecimal plannedDays,
            @Schema(description = "Days completed", example = "4") BigDecimal completedDays,
            @Schema(description = "Distinct volunteer doctors with a non-cancelled mission", example = "4") int distinctDoctors,
            @Schema(description = "Interns (docteurs juniors) placed in the zone during the month", example = "1") int interns,
            @Schema(description = "ISO weeks starting (Monday) in the month without any mission nor placed intern", example = "[\"2026-W50\"]") List<String> weeksWithoutConsultation) {
    }

    @Schema(name = "CoverageRankingEntry", description = "A zone's coverage in a month; rank 1 is the worst covered")
    public record Ranked(@Schema(example = "1") int rank, UUID zoneId, @Schema(example = "200044469") String epciSiren,
            @Schema(example = "CC du Pays de Mirepoix") String epciName, @Schema(description = "The zone's status", enumeration = { "PROPOSED", "DESIGNATED", "ACTIVE", "SUSPENDED", "RETIRED" }, example = "ACTIVE") String status,
            @Schema(example = "[\"09\"]") List<String> departementCodes, @Schema(example = "10584") Long population,
            @Schema(example = "8") BigDecimal targetDays, @Schema(example = "2") BigDecimal plannedDays,
            @Schema(example = "1") BigDecimal completedDays, @Schema(example = "2") int distinctDoctors, @Schema(example = "0") int interns,
            @Schema(description = "plannedDays / targetDays (a zone without a target: 1 with any mission, else 0)", example = "0.25") BigDecimal coverageRate) {
    }

    static LocalDate monday(LocalDate day) {
        return day.minusDays(day.getDayOfWeek().getValue() - 1L);
    }
}
