package fr.civmil.health.zones.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "zone_id")
    public UUID zoneId;
    /** The faculty's identifier of the intern (no name: not needed to count coverage). */
    @Column(name = "intern_id")
    public String internId;
    public String faculty;
    @Column(name = "supervisor_rpps")
    public String supervisorRpps;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
