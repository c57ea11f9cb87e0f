package fr.civmil.health.referral.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A doctor referenced by the CNMSS under the Fidélisation 360 charter. */
@Entity
@Table(name = "referenced_doctor")
public class ReferencedDoctor extends PanacheEntityBase {

    @Id
    public UUID id;

    public String rpps;

    public String lastName;

    public String firstName;

    public String searchName;

    @Enumerated(EnumType.STRING)
    public Profession profession;

    @Enumerated(EnumType.STRING)
    public Specialty specialty;

    public String phone;

    public boolean teleconsultation;

    @Convert(converter = CodeListConverter.class)
    public List<String> languages = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "practice_location", joinColumns = @JoinColumn(name = "doctor_id"))
    @OrderColumn(name = "position")
    public List<PracticeLocation> locations = new ArrayList<>();

    public boolean acceptingNewPatients;

    public int remainingPlaces;

    public LocalDate capacityConfirmedOn;

    @Enumerated(EnumType.STRING)
    public CharterStatus charterStatus;

    public LocalDate charterSignedOn;

    public LocalDate charterStatusSince;

    public String charterReason;

    public OffsetDateTime createdAt;

    public OffsetDateTime updatedAt;

    @Version
    public long version;

    public static ReferencedDoctor findByRpps(String rpps) {
        return find("rpps", rpps).firstResult();
    }

    /** Replaces the practice locations, keeping their order. */
    public void replaceLocations(List<PracticeLocation> newLocations) {
        locations.clear();
        locations.addAll(newLocations);
    }

    public List<String> communeCodes() {
        return locations.stream().map(l -> l.communeCode).distinct().toList();
    }

    public List<String> departementCodes() {
        return locations.stream().map(l -> l.departementCode).distinct().toList();
    }

    public List<String> regionCodes() {
        return locations.stream().map(l -> l.regionCode).distinct().toList();
    }
}
