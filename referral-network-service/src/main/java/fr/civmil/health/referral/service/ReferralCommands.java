package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.util.List;

import fr.civmil.health.referral.domain.Specialty;

/** What the referral operations take, read and validated by the resource. */
public final class ReferralCommands {

    private ReferralCommands() {
    }

    public record NeedWanted(Specialty specialty, int people) {
    }

    public record Registration(String caseReference, String destinationCommuneCode, LocalDate relocationDate,
            LocalDate expectedArrivalDate, int householdSize, List<NeedWanted> needs) {
    }
}
