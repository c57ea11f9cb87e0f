package fr.civmil.health.partnership.domain;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.partnership.domain.ReviewSnapshot.CommitmentLine;
import fr.civmil.health.partnership.domain.ReviewSnapshot.IndicatorLine;

/**
 * Two reviews' snapshots side by side: every commitment of either (the later review's order first, then those only
 * the earlier one had), each with its status in both and its indicators' values in both.
 */
@Schema(name = "ReviewComparison", description = "Two reviews side by side, commitment by commitment")
public record ReviewComparison(int fromYear, int toYear, List<CommitmentChange> commitments) {

    @Schema(name = "CommitmentChange", description = "A commitment's status in each review (null when absent) and its indicators' values")
    public record CommitmentChange(UUID commitmentId, int axis, String title, CommitmentStatus fromStatus, CommitmentStatus toStatus,
            List<IndicatorChange> indicators) {
    }

    @Schema(name = "IndicatorChange")
    public record IndicatorChange(UUID indicatorId, String name, String unit, BigDecimal fromValue, BigDecimal toValue,
            @Schema(description = "toValue − fromValue when both exist") BigDecimal delta, BigDecimal fromProgress, BigDecimal toProgress) {
    }

    public static ReviewComparison between(AnnualReview from, AnnualReview to) {
        Map<UUID, CommitmentLine> before = byId(from.snapshot.commitments(), CommitmentLine::commitmentId);
        Map<UUID, CommitmentLine> after = byId(to.snapshot.commitments(), CommitmentLine::commitmentId);
        Map<UUID, CommitmentLine> all = new LinkedHashMap<>(after);
        before.forEach(all::putIfAbsent);
        List<CommitmentChange> changes = all.values().stream().map(line -> {
            CommitmentLine b = before.get(line.commitmentId());
            CommitmentLine a = after.get(line.commitmentId());
            return new CommitmentChange(line.commitmentId(), line.axis(), line.title(), b == null ? null : b.status(),
                    a == null ? null : a.status(), indicators(b, a));
        }).toList();
        return new ReviewComparison(from.year, to.year, changes);
    }

    private static List<IndicatorChange> indicators(CommitmentLine before, CommitmentLine after) {
        Map<UUID, IndicatorLine> b = before == null ? Map.of() : byId(before.indicators(), IndicatorLine::indicatorId);
        Map<UUID, IndicatorLine> a = after == null ? Map.of() : byId(after.indicators(), IndicatorLine::indicatorId);
        Map<UUID, IndicatorLine> all = new LinkedHashMap<>(a);
        b.forEach(all::putIfAbsent);
        return all.values().stream().map(i -> {
            IndicatorLine x = b.get(i.indicatorId());
            IndicatorLine y = a.get(i.indicatorId());
            BigDecimal fromValue = x == null ? null : x.value();
            BigDecimal toValue = y == null ? null : y.value();
            return new IndicatorChange(i.indicatorId(), i.name(), i.unit(), fromValue, toValue,
                    fromValue == null || toValue == null ? null : toValue.subtract(fromValue),
                    x == null ? null : x.progress(), y == null ? null : y.progress());
        }).toList();
    }

    private static <T> Map<UUID, T> byId(List<T> lines, Function<T, UUID> id) {
        return lines.stream().collect(Collectors.toMap(id, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }
}
