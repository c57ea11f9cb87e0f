package fr.civmil.health.referral.service;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import fr.civmil.health.platform.concurrency.Etags;
import fr.civmil.health.platform.outbox.Outbox;
import fr.civmil.health.platform.persistence.Constraints;
import fr.civmil.health.platform.persistence.TimeOrderedUuids;
import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.referral.domain.CharterStatus;
import fr.civmil.health.referral.domain.PracticeLocation;
import fr.civmil.health.referral.domain.Profession;
import fr.civmil.health.referral.domain.ReferencedDoctor;
import fr.civmil.health.referral.domain.Specialty;
import fr.civmil.health.referral.events.ReferralEvents;
import fr.civmil.health.referral.reference.Geography;

/** Referencing doctors and maintaining their details, capacity and charter; every change publishes its event. */
@ApplicationScoped
public class DoctorService {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Geography geography;
    private final DoctorReader reader;

    public DoctorService(EntityManager entityManager, Outbox outbox, Geography geography, DoctorReader reader) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.geography = geography;
        this.reader = reader;
    }

    /** Lower case, accents removed, punctuation as spaces: what the name search compares. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    public static String searchable(String text) {
        String decomposed = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return SEPARATORS.matcher(decomposed.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }

    public static String searchName(String lastName, String firstName) {
        return searchable(lastName + " " + firstName);
    }

    public ReferencedDoctor find(UUID id) {
        ReferencedDoctor doctor = ReferencedDoctor.findById(id);
        if (doctor == null) {
            throw DomainException.notFound("doctor", id);
        }
        return doctor;
    }

    /** The doctor as clients see it. */
    public DoctorView view(UUID id) {
        return reader.view(find(id));
    }

    /** The views returned by the changes below are read inside their transaction, as committed. */
    @Transactional
    public DoctorView reference(DoctorCommands.Reference in) {
        requireConsistent(in.details().profession(), in.details().specialty());
        List<PracticeLocation> locations = locate(in.details().practiceLocations());
        if (ReferencedDoctor.findByRpps(in.rpps()) != null) {
            throw duplicate(in.rpps());
        }
        ReferencedDoctor d = new ReferencedDoctor();
        d.id = TimeOrderedUuids.next();
        d.rpps = in.rpps();
        applyDetails(d, in.details());
        d.replaceLocations(locations);
        d.acceptingNewPatients = in.capacity().acceptingNewPatients();
        d.remainingPlaces = in.capacity().remainingPlaces();
        d.capacityConfirmedOn = in.capacity().confirmedOn();
        d.charterStatus = CharterStatus.PENDING_SIGNATURE;
        d.charterStatusSince = LocalDate.now();
        d.createdAt = OffsetDateTime.now();
        d.updatedAt = d.createdAt;
        try {
            d.persistAndFlush();
        } catch (PersistenceException e) {
            // Two creations of the same RPPS raced past the check above: the unique index decides. Anything else
            // (the database away) is no duplicate.
            if (Constraints.violated(e, "referenced_doctor_rpps_key")) {
                throw duplicate(in.rpps());
            }
            throw e;
        }
        outbox.record(ReferralEvents.DoctorReferenced.of(d));
        return reader.view(d);
    }

    @Transactional
    public DoctorView update(UUID id, String ifMatch, DoctorCommands.Details in) {
        ReferencedDoctor d = find(id);
        Etags.requireMatch(ifMatch, d.version);
        requireConsistent(in.profession(), in.specialty());
        List<PracticeLocation> locations = locate(in.practiceLocations());
        applyDetails(d, in);
        d.replaceLocations(locations);
        touch(d);
        outbox.record(ReferralEvents.DoctorUpdated.of(d));
        return reader.view(d);
    }

    @Transactional
    public DoctorView updateCapacity(UUID id, String ifMatch, DoctorCommands.Capacity in) {
        ReferencedDoctor d = find(id);
        Etags.requireMatch(ifMatch, d.version);
        d.acceptingNewPatients = in.acceptingNewPatients();
        d.remainingPlaces = in.remainingPlaces();
        d.capacityConfirmedOn = in.confirmedOn();
        touch(d);
        capacityChanged(d.id, d.acceptingNewPatients, d.remainingPlaces, d.capacityConfirmedOn);
        return reader.view(d);
    }

    void capacityChanged(UUID doctorId, boolean accepting, int remaining, LocalDate confirmedOn) {
        outbox.record(new ReferralEvents.CapacityChanged(doctorId, accepting, remaining, confirmedOn));
    }

    @Transactional
    public DoctorView moveCharter(UUID id, String ifMatch, DoctorCommands.CharterTransition in, Caller caller) {
        ReferencedDoctor d = find(id);
        Etags.requireMatch(ifMatch, d.version);
        CharterStatus from = d.charterStatus;
        CharterStatus.LIFECYCLE.requireStep(from, in.to());
        String reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().trim();
        if (in.to().requiresReason() && reason == null) {
            throw DomainException.invalidField("reason", "field.charter-reason", in.to());
        }
        LocalDate effectiveOn = in.effectiveOn() == null ? LocalDate.now() : in.effectiveOn();
        if (effectiveOn.isBefore(d.charterStatusSince) && from != CharterStatus.PENDING_SIGNATURE) {
            throw DomainException.invalidField("effectiveOn", "field.charter-effective-on", d.charterStatusSince, from);
        }
        d.charterStatus = in.to();
        d.charterStatusSince = effectiveOn;
        d.charterReason = reason;
        if (in.to() == CharterStatus.ACTIVE && d.charterSignedOn == null) {
            d.charterSignedOn = effectiveOn;
        }
        touch(d);
        entityManager.createNativeQuery("""
                insert into charter_event (doctor_id, from_status, to_status, reason, effective_on, recorded_by)
                values (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, d.id).setParameter(2, from.name()).setParameter(3, in.to().name())
                .setParameter(4, reason).setParameter(5, effectiveOn).setParameter(6, caller.subject()).executeUpdate();
        outbox.record(new ReferralEvents.CharterStatusChanged(d.id, d.rpps, from, in.to(), reason, d.communeCodes(),
                        d.departementCodes(), d.regionCodes()));
        return reader.view(d);
    }

    /** One step of a doctor's charter history. */
    public record CharterStep(CharterStatus from, CharterStatus to, String reason, LocalDate effectiveOn,
            OffsetDateTime recordedAt, String recordedBy) {
    }

    public List<CharterStep> charterHistory(UUID id) {
        find(id);
        List<?> rows = entityManager.createNativeQuery("""
                select from_status, to_status, reason, effective_on, recorded_at, recorded_by
                from charter_event where doctor_id = ?1 order by id""").setParameter(1, id).getResultList();
        List<CharterStep> steps = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            steps.add(new CharterStep(r[0] == null ? null : CharterStatus.valueOf((String) r[0]),
                    CharterStatus.valueOf((String) r[1]), (String) r[2], Rows.date(r[3]), Rows.time(r[4]), (String) r[5]));
        }
        return steps;
    }

    private static void applyDetails(ReferencedDoctor d, DoctorCommands.Details in) {
        d.lastName = in.lastName().trim();
        d.firstName = in.firstName().trim();
        d.searchName = searchName(d.lastName, d.firstName);
        d.profession = in.profession();
        d.specialty = in.specialty();
        d.phone = in.phone();
        d.teleconsultation = in.teleconsultation();
        d.languages = in.languages() == null || in.languages().isEmpty() ? List.of("fr") : in.languages().stream().distinct().toList();
    }

    /** Flushes so the new version is known (for the ETag) and a concurrent writer fails here, not at commit. */
    private void touch(ReferencedDoctor d) {
        d.updatedAt = OffsetDateTime.now();
        entityManager.flush();
    }

    private static void requireConsistent(Profession profession, Specialty specialty) {
        if (specialty.profession() != profession) {
            throw DomainException.invalidField("specialty", "field.specialty-of", specialty, specialty.profession(), profession);
        }
    }

    private List<PracticeLocation> locate(List<DoctorCommands.Location> inputs) {
        List<DomainException.Violation> violations = new ArrayList<>();
        List<PracticeLocation> locations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            DoctorCommands.Location in = inputs.get(i);
            Geography.Located located = geography.locate(in.communeCode(), in.postalCode());
            if (!located.ok()) {
                String field = located.postalCodeRefused() ? "postalCode" : "communeCode";
                violations.add(located.violation("practiceLocations[" + i + "]." + field));
                continue;
            }
            PracticeLocation l = new PracticeLocation();
            l.address = in.address().trim();
            l.postalCode = in.postalCode();
            l.communeCode = located.place().communeCode();
            l.departementCode = located.place().departementCode();
            l.epciSiren = located.place().epciSiren();
            l.regionCode = located.place().regionCode();
            locations.add(l);
        }
        if (!violations.isEmpty()) {
            throw DomainException.unprocessable("unknown-location", violations, violations.size());
        }
        return locations;
    }

    private static DomainException duplicate(String rpps) {
        return DomainException.conflict("duplicate-rpps", rpps);
    }
}
