package fr.civmil.health.referral.reference;

import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.problem.ProblemTexts.Text;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;

import fr.civmil.health.reference.ReferenceGeography;
import io.quarkus.runtime.Startup;

/**
 * The national administrative geography (reference-data module), loaded once at startup, and the
 * rules this service applies with it: a commune must exist and its postal code must be one of its own.
 */
@Startup
@Singleton
public class Geography {

    /** A validated commune with what derives from it. */
    public record Place(String communeCode, String communeName, String postalCode, String departementCode,
            String epciSiren, String regionCode) {
    }

    private ReferenceGeography reference;

    @PostConstruct
    void load() {
        reference = ReferenceGeography.load();
    }

    public Optional<ReferenceGeography.Commune> commune(String insee) {
        return reference.commune(insee);
    }

    public Optional<ReferenceGeography.Departement> departement(String code) {
        return reference.departement(code);
    }

    public List<ReferenceGeography.Departement> departements(String regionCode) {
        return reference.departements(regionCode);
    }

    public Optional<ReferenceGeography.Epci> epci(String siren) {
        return reference.epci(siren);
    }

    /**
     * Locates a practice address: returns the place, or the reason it is refused.
     * The postal code may be omitted (null) when only the commune matters.
     */
    public Located locate(String communeCode, String postalCode) {
        Optional<ReferenceGeography.Commune> found = reference.commune(communeCode);
        if (found.isEmpty()) {
            return new Located(null, new Text("location.unknown-commune", communeCode, ReferenceGeography.SOURCE));
        }
        ReferenceGeography.Commune commune = found.get();
        if (postalCode != null && !commune.postalCodes().contains(postalCode)) {
            return new Located(null, new Text("location.postal-code", postalCode, commune.name(), commune.insee(), commune.postalCodes()));
        }
        return new Located(new Place(commune.insee(), commune.name(), postalCode, commune.departementCode(),
                commune.epciSiren(), commune.regionCode()), null);
    }

    /** Either a place or why the commune/postal code pair was refused (a text of the problem texts). */
    public record Located(Place place, Text error) {
        public boolean ok() {
            return place != null;
        }

        /** Why it was refused, as a reason inside another text. */
        public Object reason() {
            return error;
        }

        /** Why it was refused, at {@code field}. */
        public DomainException.Violation violation(String field) {
            return new DomainException.Violation(field, error.key(), error.args());
        }

        /** Whether the postal code (rather than the commune) was refused. */
        public boolean postalCodeRefused() {
            return error != null && error.key().equals("location.postal-code");
        }
    }
}
