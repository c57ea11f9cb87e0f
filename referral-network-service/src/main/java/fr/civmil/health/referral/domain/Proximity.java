package fr.civmil.health.referral.domain;

/** How close a doctor's nearest practice location is to the household's destination commune: the distance class. */
public enum Proximity {
    SAME_COMMUNE("même commune"), SAME_EPCI("même intercommunalité"), SAME_DEPARTEMENT("même département");

    private final String label;

    Proximity(String label) {
        this.label = label;
    }

    /** The class in words, for CNMSS staff. */
    public String label() {
        return label;
    }
}
