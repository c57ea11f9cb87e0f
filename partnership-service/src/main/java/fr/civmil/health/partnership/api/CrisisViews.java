package fr.civmil.health.partnership.api;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.partnership.domain.ActivationStatus;
import fr.civmil.health.partnership.domain.CrisisActivation;
import fr.civmil.health.partnership.domain.OrsanPlan;
import fr.civmil.health.partnership.domain.Reinforcement;
import fr.civmil.health.partnership.domain.ReinforcementStatus;
import fr.civmil.health.partnership.domain.ReinforcementType;
import fr.civmil.health.partnership.domain.RequestingParty;
import fr.civmil.health.partnership.service.CrisisCommands.ActivationRequest;
import fr.civmil.health.partnership.service.CrisisCommands.ReinforcementRequest;
import fr.civmil.health.platform.identifiers.Identifier;
import fr.civmil.health.platform.identifiers.IdentifierKind;
import fr.civmil.health.platform.identifiers.IdentifierPatterns;
import fr.civmil.health.platform.strict.MultiLine;

/** Request and response bodies of ORSAN crisis activations and reinforcements. */
public final class CrisisViews {

    private CrisisViews() {
    }

    @Schema(name = "CrisisActivationInput", description = "A request to activate an ORSAN plan over départements and priority zones")
    public record ActivationInput(
            @Schema(example = "AMAVI") @NotNull OrsanPlan plan,
            @Schema(description = "Département codes from the reference", example = "[\"31\", \"32\"]") @NotEmpty @Size(max = 101) List<@NotNull @Pattern(regexp = IdentifierPatterns.DEPARTEMENT) @Identifier(IdentifierKind.DEPARTEMENT) String> departementCodes,
            @Schema(description = "Priority zones (ids from zones-service); unknown ids are refused with 422") @NotNull @Size(max = 100) List<@NotNull UUID> zoneIds,
            @Schema(example = "Accident ferroviaire, nombreuses victimes") @NotBlank @MultiLine @Size(max = 2000) String reason,
            @Schema(example = "ARS") @NotNull RequestingParty requestingParty) {

        ActivationRequest toRequest() {
            return new ActivationRequest(plan, departementCodes, zoneIds, reason, requestingParty);
        }
    }

    @Schema(name = "StandDownInput", description = "Notes of the after-action record")
    public record StandDownInput(@Schema(example = "Renforts libérés, retour d'expérience prévu le 15 décembre") @MultiLine @Size(max = 4000) String notes) {
    }

    @Schema(name = "ReinforcementInput")
    public record ReinforcementInput(
            @Schema(example = "HEALTH_RESERVE") @NotNull ReinforcementType type,
            @Schema(example = "12") @NotNull @Min(1) @Max(100000) Integer quantity,
            @Schema(example = "CHU de Toulouse – Purpan") @NotBlank @Size(max = 300) String place) {

        ReinforcementRequest toRequest() {
            return new ReinforcementRequest(type, quantity, place);
        }
    }

    @Schema(name = "ReinforcementStatusChange", description = "The next step: REQUESTED → COMMITTED → DEPLOYED → RELEASED")
    public record ReinforcementStatusChange(@Schema(example = "COMMITTED") @NotNull ReinforcementStatus status) {
    }

    @Schema(name = "Reinforcement")
    public record ReinforcementView(UUID id, UUID activationId, ReinforcementType type, int quantity, String place,
            ReinforcementStatus status, Instant createdAt, Instant updatedAt) {
        public static ReinforcementView of(Reinforcement r) {
            return new ReinforcementView(r.id, r.activationId, r.type, r.quantity, r.place, r.status, r.createdAt, r.updatedAt);
        }
    }

    @Schema(name = "ReinforcementTotal", description = "Quantities requested for one type, all statuses, and how many of them were deployed")
    public record TypeTotal(ReinforcementType type, @Schema(example = "2") int requests, @Schema(example = "20") int quantity,
            @Schema(example = "12") int deployed) {
    }

    @Schema(name = "AfterAction", description = "Recorded at stand-down")
    public record AfterAction(@Schema(description = "From activation (or request, if never active) to stand-down, ISO-8601", example = "PT36H") String duration,
            @Schema(description = "Quantities deployed per type") Map<ReinforcementType, Integer> reinforcementsDeployed,
            @Schema(description = "Quantities still deployed at stand-down, released by it, per type") Map<ReinforcementType, Integer> releasedAtStandDown,
            @Schema(description = "Quantities requested or committed but never deployed, cancelled by the stand-down, per type") Map<ReinforcementType, Integer> cancelledAtStandDown,
            String notes) {
    }

    @Schema(name = "CrisisActivation")
    public record ActivationView(UUID id, OrsanPlan plan, List<String> departementCodes, List<UUID> zoneIds, String reason,
            RequestingParty requestingParty, ActivationStatus status, String requestedBy, Instant requestedAt,
            String activatedBy, Instant activatedAt, String stoodDownBy, Instant stoodDownAt,
            List<TypeTotal> reinforcementTotals, AfterAction afterAction) {

        public static ActivationView of(CrisisActivation a, List<Reinforcement> reinforcements) {
            Map<ReinforcementType, int[]> sums = new EnumMap<>(ReinforcementType.class);
            for (Reinforcement r : reinforcements) {
                int[] sum = sums.computeIfAbsent(r.type, t -> new int[3]);
                sum[0]++;
                sum[1] += r.quantity;
                sum[2] += r.status.wasDeployed() ? r.quantity : 0;
            }
            List<TypeTotal> totals = sums.entrySet().stream()
                    .map(e -> new TypeTotal(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
            AfterAction afterAction = null;
            if (a.status == ActivationStatus.STOOD_DOWN) {
                Map<ReinforcementType, Integer> deployed = new EnumMap<>(ReinforcementType.class);
                totals.stream().filter(t -> t.deployed() > 0).forEach(t -> deployed.put(t.type(), t.deployed()));
                Map<ReinforcementType, Integer> released = new EnumMap<>(ReinforcementType.class);
                Map<ReinforcementType, Integer> cancelled = new EnumMap<>(ReinforcementType.class);
                for (Reinforcement r : reinforcements) {
                    if (r.endedByStandDown) {
                        (r.status == ReinforcementStatus.RELEASED ? released : cancelled).merge(r.type, r.quantity, Integer::sum);
                    }
                }
                Instant start = a.activatedAt != null ? a.activatedAt : a.requestedAt;
                afterAction = new AfterAction(Duration.between(start, a.stoodDownAt).toString(), deployed, released, cancelled,
                        a.afterActionNotes);
            }
            return new ActivationView(a.id, a.plan, a.departementCodes, a.zoneIds, a.reason, a.requestingParty, a.status,
                    a.requestedBy, a.requestedAt, a.activatedBy, a.activatedAt, a.stoodDownBy, a.stoodDownAt, totals, afterAction);
        }
    }
}
