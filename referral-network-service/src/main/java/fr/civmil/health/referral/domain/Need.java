package fr.civmil.health.referral.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One need of a household: a specialty for a number of its people, and the doctor who took them once assigned. */
@Embeddable
public class Need {

    @Enumerated(EnumType.STRING)
    public Specialty specialty;

    public int people;

    public UUID assignedDoctorId;

    public OffsetDateTime assignedAt;

    public boolean assigned() {
        return assignedDoctorId != null;
    }
}
