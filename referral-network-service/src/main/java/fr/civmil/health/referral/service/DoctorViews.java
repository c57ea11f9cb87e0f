package fr.civmil.health.referral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import fr.civmil.health.referral.api.DoctorView;
import fr.civmil.health.referral.config.ReferralConfig;
import fr.civmil.health.referral.domain.PracticeLocation;
import fr.civmil.health.referral.domain.ReferencedDoctor;
import fr.civmil.health.referral.reference.Geography;

/** Builds what clients see of doctors, with the capacity status and the area flags of the moment. */
@ApplicationScoped
public class DoctorViews {

    private final AreaFlags areaFlags;
    private final Geography geography;
    private final ReferralConfig config;

    public DoctorViews(AreaFlags areaFlags, Geography geography, ReferralConfig config) {
        this.areaFlags = areaFlags;
        this.geography = geography;
        this.config = config;
    }

    /** Capacity confirmed on or after this date is CONFIRMED. */
    public LocalDate confirmedSince() {
        return LocalDate.now().minusDays(config.capacityMaxAgeDays());
    }

    public DoctorView view(ReferencedDoctor doctor) {
        return views(List.of(doctor)).get(0);
    }

    public List<DoctorView> views(Collection<ReferencedDoctor> doctors) {
        Set<String> communes = new java.util.HashSet<>();
        Set<String> departements = new java.util.HashSet<>();
        doctors.forEach(d -> d.locations.forEach(l -> {
            communes.add(l.communeCode);
            departements.add(l.departementCode);
        }));
        Set<String> priority = areaFlags.priorityCommunes(communes);
        Map<String, List<String>> crises = areaFlags.crises(departements);
        LocalDate since = confirmedSince();
        List<DoctorView> views = new ArrayList<>(doctors.size());
        for (ReferencedDoctor d : doctors) {
            List<DoctorView.Location> locations = d.locations.stream().map(l -> location(l, priority)).toList();
            List<DoctorView.Crisis> activeCrises = d.departementCodes().stream()
                    .flatMap(dep -> crises.getOrDefault(dep, List.of()).stream().map(plan -> new DoctorView.Crisis(dep, plan)))
                    .toList();
            views.add(new DoctorView(d.id, d.rpps, d.lastName, d.firstName, d.profession, d.profession.nomenclatureCode(),
                    d.specialty, d.specialty.nomenclatureCode(), locations, d.phone, d.teleconsultation, d.languages,
                    new DoctorView.Capacity(d.acceptingNewPatients, d.remainingPlaces, d.capacityConfirmedOn, d.capacityStatus(since)),
                    new DoctorView.Charter(d.charterStatus, d.charterSignedOn, d.charterStatusSince, d.charterReason),
                    locations.stream().anyMatch(DoctorView.Location::inPriorityZone), activeCrises, d.version));
        }
        return views;
    }

    private DoctorView.Location location(PracticeLocation l, Set<String> priority) {
        String communeName = geography.commune(l.communeCode).map(c -> c.name()).orElse(null);
        return new DoctorView.Location(l.address, l.postalCode, l.communeCode, communeName, l.departementCode, l.epciSiren,
                l.regionCode, priority.contains(l.communeCode));
    }
}
