package fr.civmil.health.platform.identifiers;

/**
 * The shape of each identifier, for the OpenAPI documents ({@code @Schema(pattern = ...)} beside
 * {@link Identifier}): a generated client and the schema fuzz test know what a valid value looks like. The check
 * keys (Luhn) and the reference lists are checked by {@link Identifier} itself.
 */
public final class IdentifierPatterns {

    public static final String SIREN = "^[0-9]{9}$";
    public static final String SIRET = "^[0-9]{14}$";
    public static final String INSEE_COMMUNE = "^([0-9]{2}|2[AB])[0-9]{3}$";
    public static final String DEPARTEMENT = "^([0-9]{2}|2[AB]|97[0-9])$";
    public static final String REGION = "^[0-9]{2}$";
    public static final String RPPS = "^[0-9]{11}$";
    public static final String FINESS = "^([0-9]{2}|2[AB]|9[A-F])[0-9]{7}$";

    private IdentifierPatterns() {
    }
}
