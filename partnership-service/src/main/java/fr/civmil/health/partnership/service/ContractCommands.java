package fr.civmil.health.partnership.service;

import java.time.LocalDate;
import java.util.List;

import fr.civmil.health.partnership.domain.ContractStatus;
import fr.civmil.health.partnership.domain.Signatory;

/** What a resource hands to {@link ContractService}. */
public final class ContractCommands {

    private ContractCommands() {
    }

    /** A new contract, with its axes' titles in their order. */
    public record ContractDraft(String reference, String title, String regionCode, String legalBasis, List<String> parties,
            List<Signatory> signatories, List<String> frameworkReferences, LocalDate periodStart, LocalDate periodEnd,
            List<String> axes) {
    }

    /** The new content of a contract still in draft. */
    public record ContractAmendment(String title, String legalBasis, List<String> parties, List<Signatory> signatories,
            List<String> frameworkReferences, LocalDate periodStart, LocalDate periodEnd) {
    }

    /** A lifecycle step; terminating needs the reason. */
    public record StatusStep(ContractStatus status, String reason) {
    }
}
