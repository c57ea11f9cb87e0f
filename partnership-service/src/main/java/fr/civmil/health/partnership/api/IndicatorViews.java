package fr.civmil.health.partnership.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.partnership.domain.Direction;
import fr.civmil.health.partnership.domain.Feed;
import fr.civmil.health.partnership.domain.Indicator;
import fr.civmil.health.partnership.domain.Measurement;
import fr.civmil.health.partnership.domain.MeasurementSource;
import fr.civmil.health.partnership.service.IndicatorCommands.IndicatorDraft;
import fr.civmil.health.partnership.service.IndicatorCommands.ManualMeasurement;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.strict.MultiLine;

/** Request and response bodies of indicators and measurements. */
public final class IndicatorViews {

    private IndicatorViews() {
    }

    @Schema(name = "IndicatorInput", description = "An indicator of a commitment; with a feed, it is measured automatically from events")
    public record IndicatorInput(
            @NotNull UUID commitmentId,
            @Schema(example = "Journées de consultation en zones prioritaires") @NotBlank @Size(max = 300) String name,
            @Schema(example = "days") @NotBlank @Size(max = 50) String unit,
            @Schema(example = "0") @NotNull @Digits(integer = 12, fraction = 2) BigDecimal baseline,
            @Schema(example = "500") @NotNull @Digits(integer = 12, fraction = 2) BigDecimal target,
            @Schema(example = "HIGHER_IS_BETTER") @NotNull Direction direction,
            @Schema(description = "Absent for a manual indicator", example = "CONSULTATION_DAYS") Feed feed,
            @Schema(pattern = IdentifierPatterns.REGION, description = "Région the feed counts; required with a feed", example = "76") @Identifier(IdentifierKind.REGION) String regionCode) {

        IndicatorDraft toDraft() {
            return new IndicatorDraft(commitmentId, name, unit, baseline, target, direction, feed, regionCode);
        }
    }

    @Schema(name = "MeasurementInput", description = "A manual measurement")
    public record MeasurementInput(
            @Schema(example = "2026-10-31") @NotNull LocalDate date,
            @Schema(example = "120") @NotNull @Digits(integer = 12, fraction = 2) BigDecimal value,
            @Schema(example = "Relevé du comité de suivi") @MultiLine @Size(max = 1000) String comment) {

        ManualMeasurement toMeasurement() {
            return new ManualMeasurement(date, value, comment);
        }
    }

    @Schema(name = "Measurement")
    public record MeasurementView(UUID id, UUID indicatorId, LocalDate date, BigDecimal value, MeasurementSource source,
            String comment, Instant recordedAt) {
        public static MeasurementView of(Measurement m) {
            return new MeasurementView(m.id, m.indicatorId, m.measuredOn, m.value, m.source, m.comment, m.recordedAt);
        }
    }

    @Schema(name = "Indicator")
    public record IndicatorView(UUID id, UUID contractId, UUID commitmentId, String name, String unit, BigDecimal baseline,
            BigDecimal target, Direction direction, @Schema(description = "MANUAL, or AUTOMATIC when fed by events") MeasurementSource kind,
            Feed feed, String regionCode, @Schema(description = "The latest measurement, if any") MeasurementView latest,
            @Schema(description = "Percent of the way from baseline to target at the latest measurement", example = "24.0") BigDecimal progress,
            boolean targetReached) {

        public static IndicatorView of(Indicator i, Measurement latest) {
            return new IndicatorView(i.id, i.contractId, i.commitmentId, i.name, i.unit, i.baseline, i.target, i.direction,
                    i.feed == null ? MeasurementSource.MANUAL : MeasurementSource.AUTOMATIC, i.feed, i.regionCode,
                    latest == null ? null : MeasurementView.of(latest), latest == null ? null : i.progress(latest.value),
                    latest != null && i.targetReached(latest.value));
        }
    }
}
