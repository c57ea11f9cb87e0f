package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The annual follow-up ("suivi annuel") of a contract, signed off by SSA and ARS. */
@Entity
@Table(name = "annual_review")
public class AnnualReview extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "contract_id")
    public UUID contractId;
    public int year;
    @Column(name = "review_date")
    public LocalDate reviewDate;
    @JdbcTypeCode(SqlTypes.JSON)
    public ReviewSnapshot snapshot;
    @Column(name = "ssa_signed_by")
    public String ssaSignedBy;
    @Column(name = "ssa_signed_at")
    public Instant ssaSignedAt;
    @Column(name = "ars_signed_by")
    public String arsSignedBy;
    @Column(name = "ars_signed_at")
    public Instant arsSignedAt;
    @Column(name = "ssa_signatory")
    public String ssaSignatory;
    @Column(name = "ssa_signatory_function")
    public String ssaSignatoryFunction;
    @Column(name = "ars_signatory")
    public String arsSignatory;
    @Column(name = "ars_signatory_function")
    public String arsSignatoryFunction;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;

    public SignedBy signature(Party party) {
        return party == Party.SSA
                ? ssaSignedAt == null ? null : new SignedBy(ssaSignatory, ssaSignatoryFunction, ssaSignedBy, ssaSignedAt)
                : arsSignedAt == null ? null : new SignedBy(arsSignatory, arsSignatoryFunction, arsSignedBy, arsSignedAt);
    }

    public void sign(Party party, SignedBy by) {
        if (party == Party.SSA) {
            ssaSignatory = by.signatory();
            ssaSignatoryFunction = by.function();
            ssaSignedBy = by.actor();
            ssaSignedAt = by.at();
        } else {
            arsSignatory = by.signatory();
            arsSignatoryFunction = by.function();
            arsSignedBy = by.actor();
            arsSignedAt = by.at();
        }
    }

    public boolean signedBy(Party party) {
        return party == Party.SSA ? ssaSignedAt != null : arsSignedAt != null;
    }

    /** Both parties signed: the review can no longer change. */
    public boolean isFullySigned() {
        return ssaSignedAt != null && arsSignedAt != null;
    }

    public static AnnualReview of(UUID contractId, int year) {
        return find("contractId = ?1 and year = ?2", contractId, year).firstResult();
    }
}
