package fr.civmil.health.zones.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A 4th-year general-practice intern ("docteur junior") placed in a zone for a period, under a supervisor. */
@Entity
@Table(name = "intern_placement")
public class InternPlacement extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID zoneId;
    /** The faculty's identifier of the intern (no name: not needed to count coverage). */
    public String internId;
    public String faculty;
    public String supervisorRpps;
    public LocalDate startDate;
    public LocalDate endDate;
    public Instant createdAt;
    @Version
    public long version;
}
