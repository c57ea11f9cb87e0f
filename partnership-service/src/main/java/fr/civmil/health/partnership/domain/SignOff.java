package fr.civmil.health.partnership.domain;

import java.time.Instant;

import jakarta.persistence.Embeddable;

/**
 * The two parties' sign-off of a document (an annual review, a committee's minutes): for each of SSA and ARS, the
 * contract's signatory who signed, their function, the caller who recorded it and when.
 */
@Embeddable
public class SignOff {

    String ssaSignedBy;
    Instant ssaSignedAt;
    String ssaSignatory;
    String ssaSignatoryFunction;
    String arsSignedBy;
    Instant arsSignedAt;
    String arsSignatory;
    String arsSignatoryFunction;

    /** A stored sign-off, to read: Hibernate loads an embeddable whose columns are all null as null (nobody signed yet). */
    public static SignOff read(SignOff stored) {
        return stored == null ? new SignOff() : stored;
    }

    /** The stored sign-off (or a new one) with the party's signature, to store. */
    public static SignOff signed(SignOff stored, Party party, SignedBy by) {
        SignOff signOff = read(stored);
        signOff.sign(party, by);
        return signOff;
    }

    /** The party's signature, or null while it has not signed. */
    public SignedBy of(Party party) {
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
        return of(party) != null;
    }

    public boolean byAnyone() {
        return ssaSignedAt != null || arsSignedAt != null;
    }

    public boolean byBoth() {
        return ssaSignedAt != null && arsSignedAt != null;
    }

    /** OPEN, PARTIALLY_SIGNED or SIGNED. */
    public String status() {
        return byBoth() ? "SIGNED" : byAnyone() ? "PARTIALLY_SIGNED" : "OPEN";
    }
}
