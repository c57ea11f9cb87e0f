package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An ORSAN plan activated over départements and priority zones, with who did what and when. */
@Entity
@Table(name = "crisis_activation")
public class CrisisActivation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public OrsanPlan plan;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> departementCodes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    public List<UUID> zoneIds = new ArrayList<>();
    public String reason;
    @Enumerated(EnumType.STRING)
    public RequestingParty requestingParty;
    @Enumerated(EnumType.STRING)
    public ActivationStatus status;
    public String requestedBy;
    public Instant requestedAt;
    public String activatedBy;
    public Instant activatedAt;
    public String stoodDownBy;
    public Instant stoodDownAt;
    public String afterActionNotes;
    @Version
    public long version;
}
