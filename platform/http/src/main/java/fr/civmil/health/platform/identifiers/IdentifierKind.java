package fr.civmil.health.platform.identifiers;

import java.util.function.Predicate;

/**
 * The identifiers {@link Identifier} can validate. The message a client sees is
 * {@code civmil.identifier.<KIND>} of the platform's ContributorValidationMessages (English and French).
 */
public enum IdentifierKind {
    SIREN(Identifiers::isSiren),
    SIRET(Identifiers::isSiret),
    INSEE_COMMUNE(Identifiers::isInseeCommune),
    DEPARTEMENT(Identifiers::isDepartement),
    REGION(Identifiers::isRegion),
    RPPS(Identifiers::isRpps),
    FINESS(Identifiers::isFiness);

    private final Predicate<String> validator;

    IdentifierKind(Predicate<String> validator) {
        this.validator = validator;
    }

    public boolean isValid(String value) {
        return validator.test(value);
    }

    /** The Bean Validation message template of this kind. */
    public String message() {
        return "{civmil.identifier." + name() + "}";
    }
}
