package fr.civmil.health.partnership.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import fr.civmil.health.partnership.domain.Axis;
import fr.civmil.health.partnership.domain.Contract;
import fr.civmil.health.partnership.domain.ContractStatus;
import fr.civmil.health.partnership.domain.Party;
import fr.civmil.health.partnership.domain.Signatory;
import fr.civmil.health.partnership.domain.SignedBy;
import fr.civmil.health.partnership.service.ContractCommands.ContractAmendment;
import fr.civmil.health.partnership.service.ContractCommands.ContractDraft;
import fr.civmil.health.partnership.service.ContractCommands.StatusStep;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Roles;

/** Contracts, their axes and their lifecycle. */
@ApplicationScoped
public class ContractService {

    private static final Map<String, String> SORTS = Map.of("reference", "reference", "periodStart", "periodStart",
            "status", "status", "createdAt", "createdAt");

    public Contract find(UUID id) {
        Contract contract = Contract.findById(id);
        if (contract == null) {
            throw DomainException.notFound("contract", id);
        }
        return contract;
    }

    /** The axes of a contract, in order. */
    public List<Axis> axes(UUID contractId) {
        return Axis.ofContract(contractId);
    }

    /** The axes of each of these contracts (a page of them), read at once. */
    public Map<UUID, List<Axis>> axes(List<Contract> contracts) {
        return Axis.ofContracts(contracts.stream().map(c -> c.id).toList());
    }

    /** The contract, refusing changes under it once it expired or was terminated. */
    public Contract findOpen(UUID id) {
        Contract contract = find(id);
        if (!contract.status.isOpen()) {
            throw DomainException.conflict("contract-closed", contract.reference, contract.status);
        }
        return contract;
    }

    /** An open contract the caller may change (an ARS agent: one of its région's). */
    public Contract findForChange(UUID id, Caller caller) {
        Contract contract = findOpen(id);
        caller.mayActOnRegion(contract.regionCode);
        return contract;
    }

    /**
     * A party's signature on behalf of the contract: the named signatory must be one of the contract's signatories
     * for that party (422 otherwise); the caller is recorded too, as the actor.
     */
    public SignedBy signature(Contract contract, Party party, String signatoryName, Caller caller, Instant at) {
        if (!caller.hasRole(party == Party.SSA ? Roles.SSA : Roles.ARS) && !caller.hasRole(Roles.ADMIN)) {
            // The role may sign, but not for this party: a refusal of its own kind, not the role matrix's "forbidden".
            throw DomainException.forbidden("signatory-party", party);
        }
        Signatory signatory = contract.signatories.stream()
                .filter(s -> s.party() == party && s.name().equalsIgnoreCase(signatoryName.trim())).findFirst()
                .orElseThrow(() -> DomainException.unprocessable("unknown-signatory", signatoryName, party, contract.reference));
        return new SignedBy(signatory.name(), signatory.function(), caller.subject(), at);
    }

    public Page<Contract> page(PageRequest request, ContractStatus status) {
        var sort = Pages.sort(request, SORTS, "reference", "id");
        var query = status == null ? Contract.<Contract>findAll(sort) : Contract.<Contract>find("status", sort, status);
        return Pages.of(query, request, c -> c);
    }

    @Transactional
    public Contract create(ContractDraft input, Caller caller) {
        caller.mayActOnRegion(input.regionCode());
        checkPeriod(input.periodStart(), input.periodEnd());
        if (Contract.count("reference", input.reference()) > 0) {
            throw DomainException.conflict("duplicate-reference", input.reference());
        }
        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.reference = input.reference();
        contract.title = input.title();
        contract.regionCode = input.regionCode();
        contract.legalBasis = input.legalBasis();
        contract.parties = List.copyOf(input.parties());
        contract.signatories = List.copyOf(input.signatories());
        contract.frameworkReferences = List.copyOf(input.frameworkReferences());
        contract.periodStart = input.periodStart();
        contract.periodEnd = input.periodEnd();
        contract.status = ContractStatus.DRAFT;
        contract.createdAt = Instant.now();
        contract.updatedAt = contract.createdAt;
        contract.persist();
        for (int i = 0; i < input.axes().size(); i++) {
            Axis axis = new Axis();
            axis.id = UUID.randomUUID();
            axis.contractId = contract.id;
            axis.number = i + 1;
            axis.title = input.axes().get(i);
            axis.persist();
        }
        Contract.getEntityManager().flush();
        return contract;
    }

    @Transactional
    public Contract update(UUID id, String ifMatch, ContractAmendment changes, Caller caller) {
        Contract contract = find(id);
        caller.mayActOnRegion(contract.regionCode);
        Etags.requireMatch(ifMatch, contract.version);
        if (contract.status != ContractStatus.DRAFT) {
            throw DomainException.conflict("contract-not-draft", contract.status);
        }
        checkPeriod(changes.periodStart(), changes.periodEnd());
        contract.title = changes.title();
        contract.legalBasis = changes.legalBasis();
        contract.parties = List.copyOf(changes.parties());
        contract.signatories = List.copyOf(changes.signatories());
        contract.frameworkReferences = List.copyOf(changes.frameworkReferences());
        contract.periodStart = changes.periodStart();
        contract.periodEnd = changes.periodEnd();
        contract.updatedAt = Instant.now();
        Contract.getEntityManager().flush();
        return contract;
    }

    @Transactional
    public Contract changeStatus(UUID id, String ifMatch, StatusStep change, Caller caller) {
        Contract contract = find(id);
        caller.mayActOnRegion(contract.regionCode);
        Etags.requireMatch(ifMatch, contract.version);
        ContractStatus.LIFECYCLE.requireStep(contract.status, change.status());
        if (change.status() == ContractStatus.TERMINATED && (change.reason() == null || change.reason().isBlank())) {
            throw DomainException.invalidField("reason", "field.reason-to-terminate");
        }
        if (change.status() == ContractStatus.SIGNED
                && (contract.signatories.isEmpty() || contract.signatories.stream().anyMatch(s -> s.signedOn() == null))) {
            throw DomainException.unprocessable("unsigned-signatories");
        }
        contract.status = change.status();
        contract.statusReason = change.reason();
        contract.updatedAt = Instant.now();
        Contract.getEntityManager().flush();
        return contract;
    }

    private static void checkPeriod(LocalDate start, LocalDate end) {
        if (!end.isAfter(start)) {
            throw DomainException.invalidField("periodEnd", "field.after", "periodStart");
        }
        if (end.isAfter(start.plusYears(5))) {
            throw DomainException.invalidField("periodEnd", "field.five-years");
        }
    }
}
