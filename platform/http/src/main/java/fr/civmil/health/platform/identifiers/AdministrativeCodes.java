package fr.civmil.health.platform.identifiers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current régions and départements (codes and names), derived from
 * {@code @etalab/decoupage-administratif} (see reference-data/PROVENANCE.md). Loaded once.
 */
public final class AdministrativeCodes {

    /** A département and the région it belongs to. */
    public record Departement(String code, String name, String regionCode) {
    }

    /** A région. */
    public record Region(String code, String name) {
    }

    private static final Map<String, Region> REGIONS = load("regions.csv", f -> new Region(f[0], f[1]));
    private static final Map<String, Departement> DEPARTEMENTS = load("departements.csv", f -> new Departement(f[0], f[1], f[2]));

    private AdministrativeCodes() {
    }

    public static boolean isDepartement(String code) {
        return DEPARTEMENTS.containsKey(code);
    }

    public static boolean isRegion(String code) {
        return REGIONS.containsKey(code);
    }

    public static Map<String, Departement> departements() {
        return DEPARTEMENTS;
    }

    public static Map<String, Region> regions() {
        return REGIONS;
    }

    private static <T> Map<String, T> load(String file, java.util.function.Function<String[], T> row) {
        String resource = "fr/civmil/health/platform/reference/" + file;
        try (InputStream in = AdministrativeCodes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, T> rows = new LinkedHashMap<>();
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    String[] fields = line.split(",", -1);
                    rows.put(fields[0], row.apply(fields));
                }
            }
            return Collections.unmodifiableMap(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
