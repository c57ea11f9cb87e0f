package fr.civmil.health.partnership.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.civmil.health.partnership.api.ReviewViews.SignatureView;
import fr.civmil.health.partnership.domain.Attendee;
import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.CommitteeDecision;
import fr.civmil.health.partnership.domain.CommitteeMeeting;
import fr.civmil.health.partnership.domain.MeetingKind;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.service.CommitteeService.Decision;
import fr.civmil.health.partnership.service.CommitteeService.MeetingRecord;
import fr.civmil.health.platform.strict.MultiLine;

/** Request and response bodies of the follow-up committee. */
public final class CommitteeViews {

    private CommitteeViews() {
    }

    @Schema(name = "CommitteeMeetingInput", description = "A meeting of the contract's follow-up committee, or its correction before anyone signed")
    public record MeetingInput(
            @Schema(description = "Day the committee met; not in the future", example = "2026-11-26") @NotNull LocalDate heldOn,
            @Schema(example = "ORDINARY") @NotNull MeetingKind kind,
            @Schema(example = "ARS Occitanie, Montpellier") @Size(max = 300) String place,
            @NotEmpty @Size(max = 50) List<@Valid @NotNull Attendee> attendees,
            @Schema(description = "The minutes (compte rendu); required before the parties sign", example = "Point sur l'axe 1 : les consultations avancées ont commencé en Ariège.")
            @MultiLine @Size(max = 20000) String minutes) {

        MeetingRecord toRecord() {
            return new MeetingRecord(heldOn, kind, place, attendees, minutes);
        }
    }

    @Schema(name = "CommitteeDecisionInput", description = "A decision of the committee on a commitment of the contract: the status it gives it")
    public record DecisionInput(
            @NotNull UUID commitmentId,
            @Schema(example = "IN_PROGRESS") @NotNull CommitmentStatus status,
            @Schema(example = "Lancement validé en séance") @NotBlank @MultiLine @Size(max = 900) String text) {

        Decision toDecision() {
            return new Decision(commitmentId, status, text);
        }
    }

    @Schema(name = "CommitteeDecision")
    public record DecisionView(UUID id, UUID meetingId, UUID commitmentId, CommitmentStatus status, String text,
            @Schema(example = "dev-ars") String decidedBy, Instant createdAt) {

        static DecisionView of(CommitteeDecision d) {
            return new DecisionView(d.id, d.meetingId, d.commitmentId, d.toStatus, d.text, d.decidedBy, d.createdAt);
        }
    }

    @Schema(name = "CommitteeMeeting")
    public record MeetingView(UUID id, UUID contractId, LocalDate heldOn, MeetingKind kind, String place, List<Attendee> attendees,
            String minutes, List<DecisionView> decisions,
            @Schema(description = "OPEN, PARTIALLY_SIGNED or SIGNED (immutable from the first signature on)", enumeration = { "OPEN",
                    "PARTIALLY_SIGNED", "SIGNED" }, example = "OPEN") String status,
            SignatureView ssaSignature, SignatureView arsSignature, @Schema(example = "dev-ars") String createdBy, Instant createdAt) {

        static MeetingView of(CommitteeMeeting m, List<CommitteeDecision> decisions) {
            return new MeetingView(m.id, m.contractId, m.heldOn, m.kind, m.place, m.attendees, m.minutes,
                    decisions.stream().map(DecisionView::of).toList(), m.signOff().status(), SignatureView.of(m.signOff().of(Party.SSA)),
                    SignatureView.of(m.signOff().of(Party.ARS)), m.createdBy, m.createdAt);
        }
    }
}
