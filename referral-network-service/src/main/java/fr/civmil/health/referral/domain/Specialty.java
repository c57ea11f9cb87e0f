package fr.civmil.health.referral.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Specialties a referenced doctor practises, each with its ordinal specialty code in the national
 * nomenclature (ANS, TRE_R38 "Spécialité ordinale", as published in the RPPS extracts) and the
 * profession it belongs to. The API exchanges the enum name; the nomenclature code is given for
 * mapping to RPPS data. A referral request's needs are expressed with the same codes.
 */
public enum Specialty {
    GENERAL_PRACTICE("SM54", "Médecine générale", Profession.PHYSICIAN),
    PAEDIATRICS("SM40", "Pédiatrie", Profession.PHYSICIAN),
    GYNAECOLOGY_MEDICAL("SM19", "Gynécologie médicale", Profession.PHYSICIAN),
    GYNAECOLOGY_OBSTETRICS("SM20", "Gynécologie-obstétrique", Profession.PHYSICIAN),
    PSYCHIATRY("SM42", "Psychiatrie", Profession.PHYSICIAN),
    CHILD_PSYCHIATRY("SM43", "Psychiatrie de l'enfant et de l'adolescent", Profession.PHYSICIAN),
    OPHTHALMOLOGY("SM38", "Ophtalmologie", Profession.PHYSICIAN),
    DERMATOLOGY("SM15", "Dermatologie et vénéréologie", Profession.PHYSICIAN),
    CARDIOLOGY("SM04", "Cardiologie et maladies vasculaires", Profession.PHYSICIAN),
    OTORHINOLARYNGOLOGY("SM39", "Oto-rhino-laryngologie", Profession.PHYSICIAN);

    private final String nomenclatureCode;
    private final String label;
    private final Profession profession;

    Specialty(String nomenclatureCode, String label, Profession profession) {
        this.nomenclatureCode = nomenclatureCode;
        this.label = label;
        this.profession = profession;
    }

    public String nomenclatureCode() {
        return nomenclatureCode;
    }

    public String label() {
        return label;
    }

    public Profession profession() {
        return profession;
    }

    /**
     * The specialties whose doctors take a need of this one: the same specialty, and for medical gynaecology also a
     * gynaecologist-obstetrician (who provides the same follow-up). The referral guide lists these compatibilities.
     */
    public Set<Specialty> servedBy() {
        return this == GYNAECOLOGY_MEDICAL ? EnumSet.of(GYNAECOLOGY_MEDICAL, GYNAECOLOGY_OBSTETRICS) : EnumSet.of(this);
    }

    /** By enum name or by nomenclature code ("GENERAL_PRACTICE" or "SM54"). */
    public static Optional<Specialty> parse(String value) {
        return Arrays.stream(values())
                .filter(s -> s.name().equals(value) || s.nomenclatureCode.equals(value))
                .findFirst();
    }
}
