package fr.civmil.health.referral.service;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import fr.civmil.health.platform.problem.ApiProblem;
import fr.civmil.health.referral.api.DoctorPayloads.CapacityInput;
import fr.civmil.health.referral.api.DoctorPayloads.CharterTransitionInput;
import fr.civmil.health.referral.api.DoctorPayloads.DetailsInput;
import fr.civmil.health.referral.api.DoctorPayloads.LocationInput;
import fr.civmil.health.referral.api.DoctorPayloads.ReferenceInput;
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

    public DoctorService(EntityManager entityManager, Outbox outbox, Geography geography) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.geography = geography;
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
            throw ApiProblem.notFound("doctor", id);
        }
        return doctor;
    }

    @Transactional
    public ReferencedDoctor reference(ReferenceInput in) {
        requireConsistent(in.profession(), in.specialty());
        List<PracticeLocation> locations = locate(in.practiceLocations());
        if (ReferencedDoctor.findByRpps(in.rpps()) != null) {
            throw duplicate(in.rpps());
        }
        ReferencedDoctor d = new ReferencedDoctor();
        d.id = TimeOrderedUuids.next();
        d.rpps = in.rpps();
        applyDetails(d, in.lastName(), in.firstName(), in.profession(), in.specialty(), in.phone(), in.teleconsultation(),
                in.languages());
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
        outbox.record(ReferralEvents.DOCTOR, d.id.toString(), ReferralEvents.DOCTOR_REFERENCED, "doctor " + d.id,
                ReferralEvents.DoctorChanged.of(d));
        return d;
    }

    @Transactional
    public ReferencedDoctor update(UUID id, String ifMatch, DetailsInput in) {
        ReferencedDoctor d = find(id);
        Etags.requireMatch(ifMatch, d.version);
        requireConsistent(in.profession(), in.specialty());
        List<PracticeLocation> locations = locate(in.practiceLocations());
        applyDetails(d, in.lastName(), in.firstName(), in.profession(), in.specialty(), in.phone(), in.teleconsultation(),
                in.languages());
        d.replaceLocations(locations);
        touch(d);
        outbox.record(ReferralEvents.DOCTOR, d.id.toString(), ReferralEvents.DOCTOR_UPDATED, "doctor " + d.id,
                ReferralEvents.DoctorChanged.of(d));
        return d;
    }

    @Transactional
    public ReferencedDoctor updateCapacity(UUID id, String ifMatch, CapacityInput in) {
        ReferencedDoctor d = find(id);
        Etags.requireMatch(ifMatch, d.version);
        d.acceptingNewPatients = in.acceptingNewPatients();
        d.remainingPlaces = in.remainingPlaces();
        d.capacityConfirmedOn = in.confirmedOn();
        touch(d);
        capacityChanged(d.id, d.acceptingNewPatients, d.remainingPlaces, d.capacityConfirmedOn);
        return d;
    }

    void capacityChanged(UUID doctorId, boolean accepting, int remaining, LocalDate confirmedOn) {
        outbox.record(ReferralEvents.DOCTOR, doctorId.toString(), ReferralEvents.CAPACITY_CHANGED, "doctor " + doctorId,
                new ReferralEvents.CapacityChanged(doctorId, accepting, remaining, confirmedOn));
    }

    @Transactional
    public ReferencedDoctor moveCharter(UUID id, String ifMatch, CharterTransitionInput in, String actor) {
        ReferencedDoctor d = find(id);
        Etags.requireMatch(ifMatch, d.version);
        CharterStatus from = d.charterStatus;
        if (!from.canMoveTo(in.to())) {
            throw from.next().isEmpty() ? ApiProblem.conflict("illegal-charter-transition.final", from, in.to())
                    : ApiProblem.conflict("illegal-charter-transition", from, in.to(), from.next());
        }
        String reason = in.reason() == null || in.reason().isBlank() ? null : in.reason().trim();
        if (in.to().requiresReason() && reason == null) {
            throw ApiProblem.invalidField("reason", "field.charter-reason", in.to());
        }
        LocalDate effectiveOn = in.effectiveOn() == null ? LocalDate.now() : in.effectiveOn();
        if (effectiveOn.isBefore(d.charterStatusSince) && from != CharterStatus.PENDING_SIGNATURE) {
            throw ApiProblem.invalidField("effectiveOn", "field.charter-effective-on", d.charterStatusSince, from);
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
                .setParameter(4, reason).setParameter(5, effectiveOn).setParameter(6, actor).executeUpdate();
        outbox.record(ReferralEvents.DOCTOR, d.id.toString(), ReferralEvents.CHARTER_STATUS_CHANGED, "doctor " + d.id,
                new ReferralEvents.CharterStatusChanged(d.id, d.rpps, from, in.to(), reason, d.communeCodes(),
                        d.departementCodes(), d.regionCodes()));
        return d;
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

    private static void applyDetails(ReferencedDoctor d, String lastName, String firstName, Profession profession,
            Specialty specialty, String phone, Boolean teleconsultation, List<String> languages) {
        d.lastName = lastName.trim();
        d.firstName = firstName.trim();
        d.searchName = searchName(d.lastName, d.firstName);
        d.profession = profession;
        d.specialty = specialty;
        d.phone = phone;
        d.teleconsultation = teleconsultation;
        d.languages = languages == null || languages.isEmpty() ? List.of("fr") : languages.stream().distinct().toList();
    }

    /** Flushes so the new version is known (for the ETag) and a concurrent writer fails here, not at commit. */
    private void touch(ReferencedDoctor d) {
        d.updatedAt = OffsetDateTime.now();
        entityManager.flush();
    }

    private static void requireConsistent(Profession profession, Specialty specialty) {
        if (specialty.profession() != profession) {
            throw ApiProblem.invalidField("specialty", "field.specialty-of", specialty, specialty.profession(), profession);
        }
    }

    private List<PracticeLocation> locate(List<LocationInput> inputs) {
        List<ApiProblem.FieldError> violations = new ArrayList<>();
        List<PracticeLocation> locations = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            LocationInput in = inputs.get(i);
            Geography.Located located = geography.locate(in.communeCode(), in.postalCode());
            if (!located.ok()) {
                String field = located.postalCodeRefused() ? "postalCode" : "communeCode";
                violations.add(new ApiProblem.FieldError("practiceLocations[" + i + "]." + field, located.error().key(), located.error().args()));
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
            throw new ApiProblem(422, "unknown-location", new Object[] { violations.size() }, violations, Map.of());
        }
        return locations;
    }

    private static ApiProblem duplicate(String rpps) {
        return ApiProblem.conflict("duplicate-rpps", rpps);
    }
}
