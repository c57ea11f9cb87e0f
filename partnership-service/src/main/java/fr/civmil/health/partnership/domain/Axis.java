package fr.civmil.health.partnership.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of the structuring axes of a contract, numbered from 1. */
@Entity
public class Axis extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID contractId;
    public int number;
    public String title;

    public static List<Axis> ofContract(UUID contractId) {
        return list("contractId = ?1 order by number", contractId);
    }

    /** The axes of each contract in order, in one query for a whole page of contracts. */
    public static Map<UUID, List<Axis>> ofContracts(Collection<UUID> contractIds) {
        if (contractIds.isEmpty()) {
            return Map.of();
        }
        return Axis.<Axis>list("contractId in ?1 order by number", contractIds).stream()
                .collect(Collectors.groupingBy(axis -> axis.contractId));
    }

    public static boolean exists(UUID contractId, int number) {
        return count("contractId = ?1 and number = ?2", contractId, number) > 0;
    }
}
