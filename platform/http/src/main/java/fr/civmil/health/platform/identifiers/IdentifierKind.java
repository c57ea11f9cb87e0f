package fr.civmil.health.platform.identifiers;

import java.util.function.Predicate;

/** The identifiers {@link Identifier} can validate, with the message a client sees. */
public enum IdentifierKind {
    SIREN(Identifiers::isSiren, "must be a valid SIREN (9 digits with a Luhn key)"),
    SIRET(Identifiers::isSiret, "must be a valid SIRET (14 digits with a Luhn key)"),
    INSEE_COMMUNE(Identifiers::isInseeCommune, "must be an INSEE commune code (5 characters, e.g. 31555, 2A004, 97411)"),
    DEPARTEMENT(Identifiers::isDepartement, "must be a département code (e.g. 31, 2A, 974)"),
    REGION(Identifiers::isRegion, "must be a région code (e.g. 76)"),
    RPPS(Identifiers::isRpps, "must be a valid RPPS number (11 digits with a Luhn key)"),
    FINESS(Identifiers::isFiness, "must be a FINESS number (9 characters starting with a département)");

    private final Predicate<String> validator;
    private final String message;

    IdentifierKind(Predicate<String> validator, String message) {
        this.validator = validator;
        this.message = message;
    }

    public boolean isValid(String value) {
        return validator.test(value);
    }

    public String message() {
        return message;
    }
}
