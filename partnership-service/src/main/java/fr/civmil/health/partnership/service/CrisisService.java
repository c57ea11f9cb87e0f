package fr.civmil.health.partnership.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.civmil.health.partnership.domain.ActivationStatus;
import fr.civmil.health.partnership.domain.CrisisActivation;
import fr.civmil.health.partnership.domain.KnownZone;
import fr.civmil.health.partnership.domain.OrsanPlan;
import fr.civmil.health.partnership.domain.Reinforcement;
import fr.civmil.health.partnership.domain.ReinforcementStatus;
import fr.civmil.health.partnership.events.PartnershipEvents.CrisisActivated;
import fr.civmil.health.partnership.events.PartnershipEvents.CrisisStoodDown;
import fr.civmil.health.partnership.service.CrisisCommands.ActivationRequest;
import fr.civmil.health.partnership.service.CrisisCommands.ReinforcementRequest;
import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.paging.Page;
import fr.civmil.health.platform.paging.PageRequest;
import fr.civmil.health.platform.persistence.Pages;
import fr.civmil.health.platform.security.Caller;

/** ORSAN crisis activations: at most one open activation per plan and département, reinforcements, stand-down. */
@ApplicationScoped
public class CrisisService {

    private static final Map<String, String> SORTS = Map.of("requestedAt", "requestedAt", "plan", "plan", "status", "status");
    private static final Map<String, String> REINFORCEMENT_SORTS = Map.of("createdAt", "createdAt", "type", "type", "status", "status");

    private final EntityManager entityManager;
    private final Outbox outbox;

    public CrisisService(EntityManager entityManager, Outbox outbox) {
        this.entityManager = entityManager;
        this.outbox = outbox;
    }

    public CrisisActivation find(UUID id) {
        CrisisActivation activation = CrisisActivation.findById(id);
        if (activation == null) {
            throw DomainException.notFound("activation", id);
        }
        return activation;
    }

    public List<Reinforcement> reinforcements(UUID activationId) {
        return Reinforcement.list("activationId = ?1 order by createdAt, id", activationId);
    }

    /** The reinforcements of each of these activations (a page of them), read at once. */
    public Map<UUID, List<Reinforcement>> reinforcements(List<CrisisActivation> activations) {
        return Reinforcement.ofActivations(activations.stream().map(a -> a.id).toList());
    }

    public Page<CrisisActivation> page(PageRequest request, OrsanPlan plan, ActivationStatus status, String departement) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (plan != null) {
            where.append(" and plan = :plan");
            params.put("plan", plan);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        if (departement != null) {
            // jsonb_exists is PostgreSQL's "?" operator: the scope's array holds this département.
            where.append(" and function('jsonb_exists', departementCodes, :dep) = true");
            params.put("dep", departement);
        }
        return Pages.of(CrisisActivation.<CrisisActivation>find(where.toString(), Pages.sort(request, SORTS, "-requestedAt", "id"), params),
                request, a -> a);
    }

    @Transactional
    public CrisisActivation request(ActivationRequest input, Caller caller) {
        List<UUID> unknown = KnownZone.unknown(input.zoneIds());
        if (!unknown.isEmpty()) {
            throw DomainException.unprocessable("unknown-zone", unknown);
        }
        mayActOnScope(caller, input.departementCodes(), input.zoneIds());
        CrisisActivation activation = new CrisisActivation();
        activation.id = UUID.randomUUID();
        activation.plan = input.plan();
        // Sorted: concurrent requests over overlapping scopes take the scope rows in the same order (no deadlock).
        activation.departementCodes = List.copyOf(new TreeSet<>(input.departementCodes()));
        activation.zoneIds = input.zoneIds().stream().distinct().toList();
        activation.reason = input.reason();
        activation.requestingParty = input.requestingParty();
        activation.status = ActivationStatus.REQUESTED;
        activation.requestedBy = caller.subject();
        activation.requestedAt = Instant.now();
        activation.persist();
        entityManager.flush();
        for (String departement : activation.departementCodes) {
            // Waits for a concurrent transaction holding the same (plan, département) and then sees its row.
            int inserted = entityManager.createNativeQuery("""
                    insert into crisis_scope (plan, departement_code, activation_id) values (?1, ?2, ?3)
                    on conflict do nothing""")
                    .setParameter(1, activation.plan.name()).setParameter(2, departement).setParameter(3, activation.id)
                    .executeUpdate();
            if (inserted == 0) {
                List<?> holder = entityManager.createNativeQuery(
                        "select cast(activation_id as varchar) from crisis_scope where plan = ?1 and departement_code = ?2")
                        .setParameter(1, activation.plan.name()).setParameter(2, departement).getResultList();
                throw DomainException.conflict("crisis-already-open", activation.plan, departement, holder.isEmpty() ? "?" : holder.get(0));
            }
        }
        return activation;
    }

    @Transactional
    public CrisisActivation activate(UUID id, String ifMatch, Caller caller) {
        CrisisActivation activation = find(id);
        mayActOnScope(caller, activation.departementCodes, activation.zoneIds);
        Etags.requireMatch(ifMatch, activation.version);
        if (activation.status != ActivationStatus.REQUESTED) {
            throw DomainException.conflict("illegal-transition.activation", activation.status);
        }
        activation.status = ActivationStatus.ACTIVE;
        activation.activatedBy = caller.subject();
        activation.activatedAt = Instant.now();
        entityManager.flush();
        outbox.record(new CrisisActivated(id, activation.plan.name(), activation.departementCodes, activation.zoneIds,
                        activation.requestingParty.name(), activation.activatedAt));
        return activation;
    }

    /**
     * Stands an activation down and, in the same transaction, ends its reinforcements still open (released when
     * deployed, cancelled otherwise), which the after-action record lists.
     */
    @Transactional
    public CrisisActivation standDown(UUID id, String ifMatch, String notes, Caller caller) {
        CrisisActivation activation = find(id);
        mayActOnScope(caller, activation.departementCodes, activation.zoneIds);
        Etags.requireMatch(ifMatch, activation.version);
        if (activation.status == ActivationStatus.STOOD_DOWN) {
            throw DomainException.conflict("illegal-transition.stood-down");
        }
        boolean wasActive = activation.status == ActivationStatus.ACTIVE;
        activation.status = ActivationStatus.STOOD_DOWN;
        activation.stoodDownBy = caller.subject();
        activation.stoodDownAt = Instant.now();
        activation.afterActionNotes = notes;
        // Nothing stays open after the crisis: deployed reinforcements are released, the others cancelled.
        for (Reinforcement reinforcement : Reinforcement.<Reinforcement>list("activationId", id)) {
            ReinforcementStatus end = reinforcement.status.atStandDown();
            if (end != null) {
                reinforcement.status = end;
                reinforcement.endedByStandDown = true;
                reinforcement.updatedAt = activation.stoodDownAt;
            }
        }
        entityManager.flush();
        entityManager.createNativeQuery("delete from crisis_scope where activation_id = ?1").setParameter(1, id).executeUpdate();
        // A request withdrawn before it was active was never announced, so there is nothing to stand down downstream.
        if (wasActive) {
            outbox.record(new CrisisStoodDown(id, activation.plan.name(), activation.departementCodes, activation.zoneIds,
                            activation.stoodDownAt));
        }
        return activation;
    }

    public Page<Reinforcement> reinforcementPage(UUID activationId, PageRequest request) {
        find(activationId);
        return Pages.of(Reinforcement.<Reinforcement>find("activationId", Pages.sort(request, REINFORCEMENT_SORTS, "createdAt", "id"), activationId),
                request, r -> r);
    }

    public Reinforcement findReinforcement(UUID activationId, UUID id) {
        Reinforcement reinforcement = Reinforcement.findById(id);
        if (reinforcement == null || !reinforcement.activationId.equals(activationId)) {
            throw DomainException.notFound("reinforcement", id);
        }
        return reinforcement;
    }

    @Transactional
    public Reinforcement requestReinforcement(UUID activationId, ReinforcementRequest input, Caller caller) {
        CrisisActivation activation = find(activationId);
        mayActOnScope(caller, activation.departementCodes, activation.zoneIds);
        requireOpen(activation);
        Reinforcement reinforcement = new Reinforcement();
        reinforcement.id = UUID.randomUUID();
        reinforcement.activationId = activationId;
        reinforcement.type = input.type();
        reinforcement.quantity = input.quantity();
        reinforcement.place = input.place();
        reinforcement.status = ReinforcementStatus.REQUESTED;
        reinforcement.createdAt = Instant.now();
        reinforcement.updatedAt = reinforcement.createdAt;
        reinforcement.persist();
        entityManager.flush();
        return reinforcement;
    }

    @Transactional
    public Reinforcement changeReinforcement(UUID activationId, UUID id, String ifMatch, ReinforcementStatus status, Caller caller) {
        CrisisActivation activation = find(activationId);
        mayActOnScope(caller, activation.departementCodes, activation.zoneIds);
        requireOpen(activation);
        Reinforcement reinforcement = findReinforcement(activationId, id);
        Etags.requireMatch(ifMatch, reinforcement.version);
        ReinforcementStatus.LIFECYCLE.requireStep(reinforcement.status, status);
        reinforcement.status = status;
        reinforcement.updatedAt = Instant.now();
        entityManager.flush();
        return reinforcement;
    }

    /** An ARS agent acts on crises of its own région: every département and zone of the scope must be in it. */
    private static void mayActOnScope(Caller caller, List<String> departementCodes, List<UUID> zoneIds) {
        if (!caller.isRegional()) {
            return;
        }
        caller.mayActOnDepartements(departementCodes);
        if (!zoneIds.isEmpty()) {
            caller.mayActOnRegions(KnownZone.<KnownZone> list("zoneId in ?1", zoneIds).stream().map(zone -> zone.regionCode).toList());
        }
    }

    private static void requireOpen(CrisisActivation activation) {
        if (activation.status == ActivationStatus.STOOD_DOWN) {
            throw DomainException.conflict("activation-stood-down");
        }
    }
}
