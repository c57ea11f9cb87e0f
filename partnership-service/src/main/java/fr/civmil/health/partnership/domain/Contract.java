package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A specific partnership contract (code de la santé publique L6147-12) between SSA, the ARS and others. */
@Entity
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;
    /** Human reference, unique, e.g. SSA-ARS-OCC-2025. */
    public String reference;
    public String title;
    /** The région whose ARS is party to the contract (INSEE code). */
    public String regionCode;
    public String legalBasis;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> parties = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Signatory> signatories = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> frameworkReferences = new ArrayList<>();
    public LocalDate periodStart;
    public LocalDate periodEnd;
    @Enumerated(EnumType.STRING)
    public ContractStatus status;
    public String statusReason;
    @Version
    public long version;
    public Instant createdAt;
    public Instant updatedAt;
}
