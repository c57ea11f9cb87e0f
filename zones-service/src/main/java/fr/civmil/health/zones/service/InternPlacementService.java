package fr.civmil.health.zones.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.zones.domain.InternPlacement;
import fr.civmil.health.zones.domain.PriorityZone;
import fr.civmil.health.zones.domain.ZoneStatus;

/** Placements of docteurs juniors in zones. */
@ApplicationScoped
public class InternPlacementService {

    private final EntityManager entityManager;

    public InternPlacementService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional
    public InternPlacement place(UUID zoneId, String internId, String faculty, String supervisorRpps, LocalDate from, LocalDate to) {
        PriorityZone zone = PriorityZone.findById(zoneId);
        if (zone == null) {
            throw ApiProblem.notFound("Priority zone", zoneId);
        }
        if (zone.status == ZoneStatus.RETIRED) {
            throw ApiProblem.conflict("zone-retired", "Priority zone " + zone.id + " is retired: it takes no new placement");
        }
        if (to.isBefore(from)) {
            throw ApiProblem.invalidField("to", "must be on or after from (" + from + ")");
        }
        InternPlacement placement = new InternPlacement();
        placement.id = UUID.randomUUID();
        placement.zoneId = zoneId;
        placement.internId = internId;
        placement.faculty = faculty;
        placement.supervisorRpps = supervisorRpps;
        placement.startDate = from;
        placement.endDate = to;
        placement.createdAt = Instant.now();
        placement.persist();
        entityManager.flush();
        return placement;
    }

    public List<InternPlacement> ofZone(UUID zoneId) {
        if (PriorityZone.findById(zoneId) == null) {
            throw ApiProblem.notFound("Priority zone", zoneId);
        }
        return InternPlacement.list("zoneId = ?1 order by startDate, id", zoneId);
    }
}
