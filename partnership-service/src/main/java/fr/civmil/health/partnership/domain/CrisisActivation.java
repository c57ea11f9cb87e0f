package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "departement_codes")
    public List<String> departementCodes = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "zone_ids")
    public List<UUID> zoneIds = new ArrayList<>();
    public String reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "requesting_party")
    public RequestingParty requestingParty;
    @Enumerated(EnumType.STRING)
    public ActivationStatus status;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "activated_by")
    public String activatedBy;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "stood_down_by")
    public String stoodDownBy;
    @Column(name = "stood_down_at")
    public Instant stoodDownAt;
    @Column(name = "after_action_notes")
    public String afterActionNotes;
    @Version
    public long version;
}
