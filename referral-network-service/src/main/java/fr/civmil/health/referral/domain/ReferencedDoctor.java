package fr.civmil.health.referral.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
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

    @Column(name = "last_name")
    public String lastName;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "search_name")
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

    @Column(name = "accepting_new_patients")
    public boolean acceptingNewPatients;

    @Column(name = "remaining_places")
    public int remainingPlaces;

    @Column(name = "capacity_confirmed_on")
    public LocalDate capacityConfirmedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "charter_status")
    public CharterStatus charterStatus;

    @Column(name = "charter_signed_on")
    public LocalDate charterSignedOn;

    @Column(name = "charter_status_since")
    public LocalDate charterStatusSince;

    @Column(name = "charter_reason")
    public String charterReason;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
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
