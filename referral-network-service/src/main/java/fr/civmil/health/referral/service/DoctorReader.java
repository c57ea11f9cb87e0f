package fr.civmil.health.referral.service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import fr.civmil.health.referral.config.ReferralConfig;
import fr.civmil.health.referral.domain.CapacityStatus;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.CodeListConverter;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.ReferencedDoctor;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.reference.Geography;

/**
 * Builds what clients see of doctors, with the capacity status and the area flags of the moment.
 * A page of doctors is one SQL statement read straight from JDBC (doctor, locations, priority-zone
 * flag per location, crises per département): the directory search serves it at national scale,
 * where loading entities cost more than the search itself.
 */
@ApplicationScoped
public class DoctorReader {

    private static final CodeListConverter CODE_LIST = new CodeListConverter();

    private static final String VIEWS = """
            select d.id, d.rpps, d.last_name, d.first_name, d.profession, d.specialty, d.phone, d.teleconsultation,
                   d.languages, d.accepting_new_patients, d.remaining_places, d.capacity_confirmed_on, d.charter_status,
                   d.charter_signed_on, d.charter_status_since, d.charter_reason, d.version,
                   l.address, l.postal_code, l.commune_code, l.departement_code, l.epci_siren, l.region_code,
                   """ + AreaFlags.inPriorityZone("l.commune_code") + " as in_zone, " + AreaFlags.crisisPlans("l.departement_code") + """
                    as crises
            from referenced_doctor d left join practice_location l on l.doctor_id = d.id
            where d.id = any (?)
            order by d.id, l.position""";

    private final EntityManager entityManager;
    private final Geography geography;
    private final ReferralConfig config;

    public DoctorReader(EntityManager entityManager, Geography geography, ReferralConfig config) {
        this.entityManager = entityManager;
        this.geography = geography;
        this.config = config;
    }

    /** Capacity confirmed on or after this date is CONFIRMED. */
    public LocalDate confirmedSince() {
        return LocalDate.now().minusDays(config.capacityMaxAgeDays());
    }

    /** The doctor as stored, including changes of the current transaction. */
    public DoctorView view(ReferencedDoctor doctor) {
        if (entityManager.isJoinedToTransaction()) {
            entityManager.flush();
        }
        return views(List.of(doctor.id)).get(0);
    }

    /** The doctors in the order of the ids (unknown ids are skipped). */
    public List<DoctorView> views(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Row> rows = entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(VIEWS)) {
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    return read(rs);
                }
            }
        });
        LocalDate since = confirmedSince();
        return ids.stream().map(rows::get).filter(Objects::nonNull).map(row -> row.view(since)).toList();
    }

    private Map<UUID, Row> read(ResultSet rs) throws SQLException {
        Map<UUID, Row> rows = new HashMap<>();
        while (rs.next()) {
            UUID id = rs.getObject(1, UUID.class);
            Row row = rows.get(id);
            if (row == null) {
                row = new Row(rs);
                rows.put(id, row);
            }
            String communeCode = rs.getString(20);
            if (communeCode != null) {
                String departementCode = rs.getString(21);
                row.locations.add(new DoctorView.Location(rs.getString(18), rs.getString(19), communeCode,
                        geography.commune(communeCode).map(c -> c.name()).orElse(null), departementCode, rs.getString(22),
                        rs.getString(23), rs.getBoolean(24)));
                String crises = rs.getString(25);
                if (crises != null && row.crises.stream().noneMatch(c -> c.departementCode().equals(departementCode))) {
                    for (String plan : crises.split(",")) {
                        row.crises.add(new DoctorView.Crisis(departementCode, plan));
                    }
                }
            }
        }
        return rows;
    }

    /** One doctor's columns, and its locations and crises as the rows come. */
    private static final class Row {
        final UUID id;
        final String rpps;
        final String lastName;
        final String firstName;
        final Profession profession;
        final Specialty specialty;
        final String phone;
        final boolean teleconsultation;
        final List<String> languages;
        final boolean accepting;
        final int remainingPlaces;
        final LocalDate confirmedOn;
        final CharterStatus charterStatus;
        final LocalDate signedOn;
        final LocalDate statusSince;
        final String reason;
        final long version;
        final List<DoctorView.Location> locations = new ArrayList<>(2);
        final List<DoctorView.Crisis> crises = new ArrayList<>(0);

        Row(ResultSet rs) throws SQLException {
            id = rs.getObject(1, UUID.class);
            rpps = rs.getString(2);
            lastName = rs.getString(3);
            firstName = rs.getString(4);
            profession = Profession.valueOf(rs.getString(5));
            specialty = Specialty.valueOf(rs.getString(6));
            phone = rs.getString(7);
            teleconsultation = rs.getBoolean(8);
            languages = CODE_LIST.convertToEntityAttribute(rs.getString(9));
            accepting = rs.getBoolean(10);
            remainingPlaces = rs.getInt(11);
            confirmedOn = rs.getObject(12, LocalDate.class);
            charterStatus = CharterStatus.valueOf(rs.getString(13));
            signedOn = rs.getObject(14, LocalDate.class);
            statusSince = rs.getObject(15, LocalDate.class);
            reason = rs.getString(16);
            version = rs.getLong(17);
        }

        DoctorView view(LocalDate confirmedSince) {
            return new DoctorView(id, rpps, lastName, firstName, profession, profession.nomenclatureCode(), specialty,
                    specialty.nomenclatureCode(), locations, phone, teleconsultation, languages,
                    new DoctorView.Capacity(accepting, remainingPlaces, confirmedOn, CapacityStatus.of(confirmedOn, confirmedSince)),
                    new DoctorView.Charter(charterStatus, signedOn, statusSince, reason),
                    locations.stream().anyMatch(DoctorView.Location::inPriorityZone), crises, version);
        }
    }
}
