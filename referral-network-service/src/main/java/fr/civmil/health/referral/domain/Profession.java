package fr.civmil.health.referral.domain;

/**
 * Health professions a doctor can be referenced under, with their code in the national
 * nomenclature of health professions (ANS, TRE_G15 "Profession de santé", as used by the RPPS).
 * The Fidélisation 360 charter is signed by physicians; the list grows when the CNMSS opens it.
 */
public enum Profession {
    PHYSICIAN("10", "Médecin");

    private final String nomenclatureCode;
    private final String label;

    Profession(String nomenclatureCode, String label) {
        this.nomenclatureCode = nomenclatureCode;
        this.label = label;
    }

    public String nomenclatureCode() {
        return nomenclatureCode;
    }

    public String label() {
        return label;
    }
}
