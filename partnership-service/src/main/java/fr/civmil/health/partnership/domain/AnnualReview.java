package fr.civmil.health.partnership.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Embedded;
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
    public UUID contractId;
    public int year;
    public LocalDate reviewDate;
    @JdbcTypeCode(SqlTypes.JSON)
    public ReviewSnapshot snapshot;
    @Embedded
    public SignOff signOff;
    @Version
    public long version;
    public Instant createdAt;

    public static AnnualReview of(UUID contractId, int year) {
        return find("contractId = ?1 and year = ?2", contractId, year).firstResult();
    }

    public SignOff signOff() {
        return SignOff.read(signOff);
    }

    public void sign(Party party, SignedBy by) {
        signOff = SignOff.signed(signOff, party, by);
    }
}
