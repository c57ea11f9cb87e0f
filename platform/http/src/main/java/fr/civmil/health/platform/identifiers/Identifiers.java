package fr.civmil.health.platform.identifiers;

import java.util.regex.Pattern;

/**
 * Validation of the French identifiers the suite exchanges. Format checks and check keys only;
 * whether a code exists (a commune, an EPCI) is the reference geography's business.
 */
public final class Identifiers {

    private static final Pattern DIGITS_9 = Pattern.compile("\\d{9}");
    private static final Pattern DIGITS_11 = Pattern.compile("\\d{11}");
    private static final Pattern DIGITS_14 = Pattern.compile("\\d{14}");
    private static final Pattern INSEE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    private static final Pattern FINESS = Pattern.compile("(\\d{2}|2[AB]|9[A-F])\\d{7}");
    /** La Poste's establishments share this SIREN and follow their own SIRET key rule. */
    private static final String LA_POSTE_SIREN = "356000000";
    /** La Poste's head office keeps the ordinary Luhn key. */
    private static final String LA_POSTE_HEAD_OFFICE = "35600000000048";

    private Identifiers() {
    }

    /** SIREN: 9 digits with a Luhn key (INSEE's business register). */
    public static boolean isSiren(String value) {
        return value != null && DIGITS_9.matcher(value).matches() && luhn(value);
    }

    /**
     * SIRET: 14 digits (SIREN + NIC) with a Luhn key; La Poste's establishments (SIREN 356000000)
     * instead have a digit sum divisible by 5.
     */
    public static boolean isSiret(String value) {
        if (value == null || !DIGITS_14.matcher(value).matches() || !isSiren(value.substring(0, 9))) {
            return false;
        }
        if (value.startsWith(LA_POSTE_SIREN) && !value.equals(LA_POSTE_HEAD_OFFICE)) {
            return value.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        return luhn(value);
    }

    /**
     * INSEE commune code (COG): 5 characters, the first 2 (3 overseas) being a département:
     * {@code 31555}, {@code 2A004} for Corsica, {@code 97411} overseas.
     */
    public static boolean isInseeCommune(String value) {
        if (value == null || !INSEE.matcher(value).matches() || value.startsWith("20")) {
            return false;
        }
        String departement = value.startsWith("97") || value.startsWith("98") ? value.substring(0, 3) : value.substring(0, 2);
        return AdministrativeCodes.isDepartement(departement);
    }

    /** Département code from the reference ({@code 01}…{@code 95}, {@code 2A}, {@code 2B}, {@code 971}…). */
    public static boolean isDepartement(String value) {
        return value != null && AdministrativeCodes.isDepartement(value);
    }

    /** Région code from the reference ({@code 76} for Occitanie). */
    public static boolean isRegion(String value) {
        return value != null && AdministrativeCodes.isRegion(value);
    }

    /** RPPS: the national health-professional directory number, 11 digits, the last one a Luhn key. */
    public static boolean isRpps(String value) {
        return value != null && DIGITS_11.matcher(value).matches() && luhn(value);
    }

    /**
     * FINESS: 9 characters, the first 2 being the département ({@code 2A}/{@code 2B} in Corsica,
     * {@code 9A}…{@code 9F} overseas), then 7 digits.
     */
    public static boolean isFiness(String value) {
        if (value == null || !FINESS.matcher(value).matches()) {
            return false;
        }
        String prefix = value.substring(0, 2);
        return prefix.matches("9[A-F]") || AdministrativeCodes.isDepartement(prefix);
    }

    /** The digits followed by their Luhn key: RPPS or SIREN numbers for demo and test data. */
    public static String withLuhnKey(String digits) {
        for (int key = 0; key < 10; key++) {
            if (luhn(digits + key)) {
                return digits + key;
            }
        }
        throw new IllegalArgumentException("not digits: " + digits);
    }

    /** Luhn check over a string of digits. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
