import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import fr.civmil.health.platform.identifiers.Identifiers;
import fr.civmil.health.reference.ReferenceGeography;

/**
 * Writes the benchmark's import file: N doctors spread over 40 real communes of every département
 * (postal code and INSEE code from the reference geography), with seeded random specialties,
 * capacity and charter, in the import's CSV format; and the départements used, one per line.
 *
 * Usage: java -cp reference-data/target/classes bench/referral/GenerateDoctors.java DOCTORS CSV_FILE DEPARTEMENTS_FILE
 */
public class GenerateDoctors {

    static final String HEADER = "rpps,lastName,firstName,profession,specialty,address,postalCode,communeCode,phone,"
            + "teleconsultation,languages,acceptingNewPatients,remainingPlaces,capacityConfirmedOn,charterSignedOn\n";
    // Three GPs for one of each specialty, roughly the national mix of referenced doctors.
    static final List<String> SPECIALTIES = List.of("GENERAL_PRACTICE", "GENERAL_PRACTICE", "GENERAL_PRACTICE", "PAEDIATRICS",
            "PSYCHIATRY", "OPHTHALMOLOGY", "DERMATOLOGY", "CARDIOLOGY");

    public static void main(String[] args) throws Exception {
        int doctors = Integer.parseInt(args[0]);
        ReferenceGeography geo = ReferenceGeography.load();
        List<ReferenceGeography.Commune> communes = geo.departements(null).stream()
                .flatMap(d -> geo.communes(null, null, d.code()).stream().filter(c -> !c.postalCodes().isEmpty()).limit(40))
                .toList();
        Random random = new Random(42);
        LocalDate today = LocalDate.now();
        try (BufferedWriter csv = Files.newBufferedWriter(Path.of(args[1]))) {
            csv.write(HEADER);
            for (int i = 0; i < doctors; i++) {
                ReferenceGeography.Commune c = communes.get(random.nextInt(communes.size()));
                csv.write(String.format(Locale.ROOT, "%s,Nom%06d,Prénom,PHYSICIAN,%s,\"%d rue de la Paix\",%s,%s,0561000000,%s,fr,%s,%d,%s,%s%n",
                        Identifiers.withLuhnKey(String.valueOf(2_000_000_000L + i)), i, SPECIALTIES.get(random.nextInt(SPECIALTIES.size())), 1 + random.nextInt(99),
                        c.postalCodes().get(0), c.insee(), random.nextBoolean(), random.nextInt(10) < 7, random.nextInt(30),
                        today.minusDays(random.nextInt(180)), random.nextInt(10) < 8 ? "2025-01-15" : ""));
            }
        }
        Files.write(Path.of(args[2]), communes.stream().map(ReferenceGeography.Commune::departementCode).distinct().toList());
    }
}
