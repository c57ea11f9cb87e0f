package fr.civmil.health.devstack.chaos;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;

import fr.civmil.health.devstack.Rpps;

/**
 * A steady stream of real writes through the gateway, one stream per service, each recording in the {@link Ledger}
 * what the suite accepted:
 * <ul>
 * <li>zones: an EPCI of Occitanie designated priority zone and made ACTIVE, a consultation site opened in it, and a
 * solidarity mission booked, confirmed and completed there (events for the referral directory and the partnership's
 * consultation days);</li>
 * <li>referral: a doctor referenced in a commune of the same EPCI and the charter made ACTIVE (events for the zones'
 * coverage and the partnership's count of referenced doctors);</li>
 * <li>partnership: an ORSAN activation requested, activated, then stood down at the next turn (events for the
 * directory's crises in force).</li>
 * </ul>
 * A stream that meets a service away waits for it, as a client does; {@link #pause()} lets every stream finish its
 * item and holds them, so that the ledger and the suite can be compared.
 */
final class Workload implements AutoCloseable {

    /** An EPCI with no priority zone nor referenced doctor yet, and a commune of it with its postal code. */
    record Place(String epciSiren, String communeCode, String postalCode) {
    }

    /** What the suite accepted, as its client saw it. */
    static final class Ledger {
        final Map<String, String> zoneByEpci = new ConcurrentHashMap<>();
        final Map<YearMonth, AtomicLong> missionsCompleted = new ConcurrentHashMap<>();
        final List<String[]> doctors = new CopyOnWriteArrayList<>(); // id, EPCI
        final Map<String, String> activations = new ConcurrentHashMap<>(); // id → département
        volatile String activeActivation;
        final AtomicLong writes = new AtomicLong();
    }

    static final String REGION = "76";
    static final List<String> OCCITANIE = List.of("09", "11", "12", "30", "31", "32", "34", "46", "48", "65", "66", "81", "82");

    private final SuiteClient client;
    private final String run;
    private final List<Place> places;
    final Ledger ledger = new Ledger();
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object gate = new Object();
    private boolean paused;
    private int busy;
    private volatile boolean stopped;
    /** The open sites, each with 50 rooms: a mission a day per room. */
    private final List<String> sites = new ArrayList<>();

    Workload(SuiteClient client, String run, List<Place> places) {
        this.client = client;
        this.run = run;
        this.places = places;
    }

    /**
     * The places to write in: EPCIs of Occitanie in no priority zone and with no referenced doctor, so that every
     * zone and doctor count the checks read comes from this run alone.
     */
    static List<Place> freePlaces(SuiteClient client, int wanted) {
        Set<String> taken = new HashSet<>();
        client.forEachItem("/api/v1/priority-zones?region=" + REGION, "auditor", zone -> taken.add(zone.path("epciSiren").asText()));
        // An EPCI may reach over a région's border: only those of Occitanie, which the ARS token acts for.
        Set<String> occitanie = new HashSet<>();
        for (String departement : OCCITANIE) {
            client.forEachItem("/api/v1/territories/epci?departement=" + departement, "auditor", epci -> {
                if (REGION.equals(epci.path("regionCode").asText()) && !taken.contains(epci.path("siren").asText())) {
                    occitanie.add(epci.path("siren").asText());
                }
            });
        }
        Map<String, Place> byEpci = new LinkedHashMap<>();
        for (String departement : OCCITANIE) {
            client.forEachItem("/api/v1/territories/communes?departement=" + departement, "auditor", commune -> {
                String epci = commune.path("epciSiren").asText(null);
                JsonNode postal = commune.path("postalCodes");
                if (occitanie.contains(epci) && postal.size() > 0 && !byEpci.containsKey(epci)) {
                    byEpci.put(epci, new Place(epci, commune.path("insee").asText(), postal.get(0).asText()));
                }
            });
        }
        List<Place> free = new ArrayList<>();
        for (Place place : byEpci.values()) {
            if (client.get("/api/v1/doctors?size=1&epciSiren=" + place.epciSiren(), "auditor").body().path("total").asLong() == 0) {
                free.add(place);
                if (free.size() == wanted) {
                    break;
                }
            }
        }
        return free;
    }

    void start() {
        stream("zones", this::zoneItem);
        stream("referral", this::doctorItem);
        stream("partnership", this::crisisItem);
    }

    private interface Item {
        void run(int index);
    }

    private void stream(String name, Item item) {
        Thread thread = new Thread(() -> {
            for (int index = 0; !stopped; index++) {
                if (!enter()) {
                    return;
                }
                try {
                    item.run(index);
                } catch (RuntimeException e) {
                    failures.add(new IllegalStateException(name + " stream, item " + index + ": " + e.getMessage(), e));
                    stopped = true;
                } finally {
                    leave();
                }
                SuiteClient.sleep(50); // steady, not flat out: the machine also runs the suite
            }
        }, "chaos-" + name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private boolean enter() {
        synchronized (gate) {
            while (paused && !stopped) {
                wait(gate);
            }
            if (stopped) {
                return false;
            }
            busy++;
            return true;
        }
    }

    private void leave() {
        synchronized (gate) {
            busy--;
            gate.notifyAll();
        }
    }

    /** Lets each stream finish the item it is on (waiting for the suite if need be), then holds them. */
    void pause() {
        synchronized (gate) {
            paused = true;
            while (busy > 0) {
                wait(gate);
            }
        }
    }

    void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        stopped = true; // each stream ends after its item
        resume();
    }

    /** A new zone with an open site while places last; a mission completed on one of the sites every time. */
    private void zoneItem(int index) {
        if (index < places.size()) {
            Place place = places.get(index);
            SuiteClient.Answer designated = client.createOrRefusal("/api/v1/priority-zones", "ars",
                    Map.of("epciSiren", place.epciSiren(), "campaign", run, "status", "DESIGNATED"));
            if (designated.ok()) {
                String zone = designated.text("id");
                ledger.zoneByEpci.put(place.epciSiren(), zone);
                ledger.writes.incrementAndGet();
                client.move("/api/v1/priority-zones/" + zone, "/status", "ACTIVE", "/api/v1/priority-zones/" + zone + "/transitions", "ars",
                        Map.of("to", "ACTIVE", "reason", "Exercice de résilience"));
                JsonNode created = client.create("/api/v1/consultation-sites", "ars", Map.of("zoneId", zone, "communeCode", place.communeCode(),
                        "name", "Site d'exercice " + index, "kind", "MULTI_PROFESSIONAL_PRACTICE", "rooms", 50,
                        "address", Map.of("line", "1 place de la Mairie", "postalCode", place.postalCode())));
                String id = created.path("id").asText();
                for (String to : List.of("READY", "OPEN")) {
                    client.move("/api/v1/consultation-sites/" + id, "/status", to, "/api/v1/consultation-sites/" + id + "/transitions", "ars",
                            Map.of("to", to));
                }
                ledger.writes.addAndGet(4);
                sites.add(id);
            } else if (designated.status() != 409 && designated.status() != 422) { // 409, 422: a zone there already
                throw new SuiteClient.Refused("designation", designated);
            }
        }
        if (sites.isEmpty()) {
            return;
        }
        String site = sites.get(index % sites.size());
        // Completed on its day: booked for today, in the services' time zone.
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
        JsonNode mission = client.create("/api/v1/solidarity-missions", "ars", Map.of("siteId", site, "date", today.toString(),
                "slot", "FULL_DAY", "doctor", Map.of("rpps", Rpps.fresh(), "name", "Dr Exercice " + index)));
        String id = mission.path("id").asText();
        for (String to : List.of("CONFIRMED", "COMPLETED")) {
            client.move("/api/v1/solidarity-missions/" + id, "/status", to, "/api/v1/solidarity-missions/" + id + "/transitions", "ars",
                    Map.of("to", to));
        }
        ledger.writes.addAndGet(3);
        ledger.missionsCompleted.computeIfAbsent(YearMonth.from(today), month -> new AtomicLong()).incrementAndGet();
    }

    /** A doctor referenced in the place of the same index (around again once all are used), charter made ACTIVE. */
    private void doctorItem(int index) {
        Place place = places.get(index % places.size());
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1);
        JsonNode doctor = client.create("/api/v1/doctors", "cnmss", Map.of("rpps", Rpps.fresh(), "lastName", lastName(),
                "firstName", "Essai", "profession", "PHYSICIAN", "specialty", "GENERAL_PRACTICE",
                "practiceLocations", List.of(Map.of("address", "1 place de la Mairie", "postalCode", place.postalCode(),
                        "communeCode", place.communeCode())),
                "teleconsultation", false, "languages", List.of("fr"),
                "capacity", Map.of("acceptingNewPatients", true, "remainingPlaces", 5, "confirmedOn", yesterday.toString())));
        String id = doctor.path("id").asText();
        client.move("/api/v1/doctors/" + id, "/charter/status", "ACTIVE", "/api/v1/doctors/" + id + "/charter-transitions", "cnmss",
                Map.of("to", "ACTIVE"));
        ledger.writes.addAndGet(2);
        ledger.doctors.add(new String[] { id, place.epciSiren() });
    }

    /** The previous activation stood down, then an AMAVI activation in the next département requested and activated. */
    private void crisisItem(int index) {
        String previous = ledger.activeActivation;
        if (previous != null) {
            client.move("/api/v1/crisis-activations/" + previous, "/status", "STOOD_DOWN", "/api/v1/crisis-activations/" + previous + "/stand-down",
                    "ars", Map.of("notes", "Fin d'exercice"));
            ledger.activeActivation = null;
            ledger.writes.incrementAndGet();
        }
        String departement = OCCITANIE.get(index % OCCITANIE.size());
        SuiteClient.Answer requested = client.createOrRefusal("/api/v1/crisis-activations", "ars", Map.of("plan", "AMAVI",
                "departementCodes", List.of(departement), "zoneIds", List.of(), "reason", reason(index), "requestingParty", "ARS"));
        if (requested.status() == 409) {
            return; // the plan is open there already (demo data): next département
        }
        if (!requested.ok()) {
            throw new SuiteClient.Refused("crisis activation", requested);
        }
        String id = requested.text("id");
        ledger.activations.put(id, departement);
        client.move("/api/v1/crisis-activations/" + id, "/status", "ACTIVE", "/api/v1/crisis-activations/" + id + "/activation", "ssa", null);
        ledger.activeActivation = id;
        ledger.writes.addAndGet(2);
    }

    /** The campaign of the run's zones. */
    String run() {
        return run;
    }

    String lastName() {
        return "Exercice-" + run;
    }

    /** How the run's activations' reasons begin. */
    String reasonPrefix() {
        return "Exercice de résilience " + run + " n° ";
    }

    private String reason(int index) {
        return reasonPrefix() + index;
    }

    private static void wait(Object monitor) {
        try {
            monitor.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
