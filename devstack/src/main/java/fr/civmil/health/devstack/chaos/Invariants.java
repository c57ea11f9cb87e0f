package fr.civmil.health.devstack.chaos;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the suite must show for what its client was told it accepted, read through the gateway's APIs only. Each
 * effect missing is counted lost; each effect there twice, or there without a write behind it, duplicated:
 * <ol>
 * <li>every zone designated is listed once by zones-service;</li>
 * <li>the missions completed are the consultation days of the zones (zones-service) and of the région's figure
 * (partnership-service, from zones events);</li>
 * <li>every doctor referenced is listed once by referral-network-service with an active charter, counted by the
 * partnership's figure (from referral events) and in the coverage of its zone (zones-service, from referral events);</li>
 * <li>the directory flags exactly the doctors practising in the run's zones as in a priority zone (from zones events);</li>
 * <li>every ORSAN activation is listed once with its last status, and the directory's crises in force per département
 * are the partnership's (from partnership events).</li>
 * </ol>
 */
final class Invariants {

    /** The outcome of one reading: effects lost and duplicated, and what differed. */
    record Verdict(long lost, long duplicated, List<String> findings) {
        boolean holds() {
            return lost == 0 && duplicated == 0;
        }
    }

    private final SuiteClient client;
    private final Workload workload;
    private final Map<YearMonth, BigDecimal> consultationDaysBefore = new HashMap<>();
    private final long activeDoctorsBefore;

    /** Reads the figures the run will add to, before it writes anything. */
    Invariants(SuiteClient client, Workload workload) {
        this.client = client;
        this.workload = workload;
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Paris"));
        for (YearMonth month : List.of(now, now.plusMonths(1))) {
            consultationDaysBefore.put(month, consultationDays(month));
        }
        this.activeDoctorsBefore = activeDoctorsFigure();
    }

    private static final class Findings {
        long lost;
        long duplicated;
        final List<String> notes = new ArrayList<>();

        void compare(String what, long expected, long actual) {
            if (actual < expected) {
                lost += expected - actual;
                notes.add(what + ": " + actual + " instead of " + expected);
            } else if (actual > expected) {
                duplicated += actual - expected;
                notes.add(what + ": " + actual + " instead of " + expected);
            }
        }

        void compareSets(String what, Set<String> expected, List<String> actual) {
            Set<String> seen = new HashSet<>();
            for (String id : actual) {
                if (!seen.add(id) || !expected.contains(id)) {
                    duplicated++;
                    notes.add(what + ": " + id + " listed but not written, or listed twice");
                }
            }
            for (String id : expected) {
                if (!seen.contains(id)) {
                    lost++;
                    notes.add(what + ": " + id + " written but not listed");
                }
            }
        }

        boolean clean() {
            return lost == 0 && duplicated == 0;
        }

        Verdict verdict() {
            return new Verdict(lost, duplicated, notes.subList(0, Math.min(notes.size(), 10)));
        }
    }

    /** One reading of every invariant; it stops at the first group that does not hold (the caller reads again). */
    Verdict check() {
        Workload.Ledger ledger = workload.ledger;
        Findings findings = new Findings();

        List<String> zones = new ArrayList<>();
        client.forEachItem("/api/v1/priority-zones?campaign=" + workload.run(), "auditor", zone -> zones.add(zone.path("id").asText()));
        findings.compareSets("zone", new HashSet<>(ledger.zoneByEpci.values()), zones);

        for (var entry : ledger.missionsCompleted.entrySet()) {
            YearMonth month = entry.getKey();
            long expected = entry.getValue().get();
            BigDecimal[] zonesDays = { BigDecimal.ZERO };
            client.forEachItem("/api/v1/priority-zones/coverage-ranking?region=" + Workload.REGION + "&campaign=" + workload.run()
                    + "&month=" + month, "auditor", zone -> zonesDays[0] = zonesDays[0].add(zone.path("completedDays").decimalValue()));
            findings.compare("days completed in the run's zones in " + month + " (zones-service)", expected, zonesDays[0].longValue());
            BigDecimal partnership = consultationDays(month).subtract(consultationDaysBefore.getOrDefault(month, BigDecimal.ZERO));
            findings.compare("consultation days of " + month + " (partnership-service figure)", expected, partnership.longValue());
        }
        if (!findings.clean()) {
            return findings.verdict();
        }

        Map<String, String> epciOfDoctor = new HashMap<>();
        ledger.doctors.forEach(d -> epciOfDoctor.put(d[0], d[1]));
        List<String> listed = new ArrayList<>();
        List<String> inZone = new ArrayList<>();
        // The directory lists doctors whose charter is ACTIVE: one still pending is not listed, hence lost.
        client.forEachItem("/api/v1/doctors?name=" + workload.lastName(), "auditor", doctor -> {
            String id = doctor.path("id").asText();
            listed.add(id);
            if (doctor.path("inPriorityZone").asBoolean()) {
                inZone.add(id);
            }
        });
        findings.compareSets("doctor (referral-network-service)", epciOfDoctor.keySet(), listed);
        Set<String> expectedInZone = new HashSet<>();
        epciOfDoctor.forEach((doctor, epci) -> {
            if (ledger.zoneByEpci.containsKey(epci)) {
                expectedInZone.add(doctor);
            }
        });
        findings.compareSets("doctor flagged in a priority zone (referral-network-service, from zones events)", expectedInZone, inZone);
        findings.compare("active referenced doctors of Occitanie (partnership-service figure)", epciOfDoctor.size(),
                activeDoctorsFigure() - activeDoctorsBefore);
        if (!findings.clean()) {
            return findings.verdict();
        }

        List<String> activations = new ArrayList<>();
        client.forEachItem("/api/v1/crisis-activations?plan=AMAVI", "auditor", activation -> {
            if (activation.path("reason").asText().startsWith(workload.reasonPrefix())) {
                String id = activation.path("id").asText();
                activations.add(id);
                String expected = id.equals(ledger.activeActivation) ? "ACTIVE" : "STOOD_DOWN";
                if (ledger.activations.containsKey(id) && !expected.equals(activation.path("status").asText())) {
                    findings.lost++;
                    findings.notes.add("activation " + id + ": " + activation.path("status").asText() + " instead of " + expected);
                }
            }
        });
        findings.compareSets("ORSAN activation (partnership-service)", ledger.activations.keySet(), activations);
        Map<String, Boolean> inForce = new HashMap<>();
        client.forEachItem("/api/v1/coverage/departements?regionCode=" + Workload.REGION, "auditor",
                departement -> inForce.put(departement.path("departementCode").asText(),
                        departement.path("activeCrisisPlans").toString().contains("\"AMAVI\"")));
        for (String departement : new TreeSet<>(ledger.activations.values())) {
            boolean active = client.get("/api/v1/crisis-activations?plan=AMAVI&status=ACTIVE&size=1&departement=" + departement, "auditor")
                    .body().path("total").asLong() > 0;
            if (active != inForce.getOrDefault(departement, false)) {
                findings.lost++;
                findings.notes.add("AMAVI in " + departement + ": " + (active ? "active" : "not active")
                        + " at partnership-service, " + (active ? "not in force" : "in force") + " in the directory");
            }
        }
        if (!findings.clean()) {
            return findings.verdict();
        }

        // Last, one read per zone: the referenced doctors in its coverage are those of the run in its EPCI.
        YearMonth now = YearMonth.now(ZoneId.of("Europe/Paris"));
        Map<String, Long> doctorsPerEpci = new HashMap<>();
        epciOfDoctor.values().forEach(epci -> doctorsPerEpci.merge(epci, 1L, Long::sum));
        for (var zone : ledger.zoneByEpci.entrySet()) {
            JsonNode coverage = client.get("/api/v1/priority-zones/" + zone.getValue() + "/coverage?from=" + now + "&to=" + now, "auditor").body();
            findings.compare("referenced doctors in the coverage of zone " + zone.getValue() + " (zones-service, from referral events)",
                    doctorsPerEpci.getOrDefault(zone.getKey(), 0L), coverage.path("referencedDoctors").asLong());
        }
        return findings.verdict();
    }

    private BigDecimal consultationDays(YearMonth month) {
        return client.get("/api/v1/partnerships/figures/consultation-days?region=" + Workload.REGION + "&from=" + month + "&to=" + month, "auditor")
                .body().path("total").decimalValue();
    }

    private long activeDoctorsFigure() {
        return client.get("/api/v1/partnerships/figures/referenced-doctors?region=" + Workload.REGION, "auditor").body().path("active").asLong();
    }
}
