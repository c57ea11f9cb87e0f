package fr.civmil.health.partnership.domain;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One of the structuring axes of a contract, numbered from 1. */
@Entity
public class Axis extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    public int number;
    public String title;

    public static List<Axis> ofContract(UUID contractId) {
        return list("contractId = ?1 order by number", contractId);
    }

    public static boolean exists(UUID contractId, int number) {
        return count("contractId = ?1 and number = ?2", contractId, number) > 0;
    }
}
