package fr.civmil.health.partnership.api;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import fr.civmil.health.partnership.domain.CommitmentStatus;
import fr.civmil.health.partnership.domain.MeetingKind;
import fr.civmil.health.partnership.domain.Owner;
import fr.civmil.health.partnership.domain.Party;

/** The words and formats of the documents ARS and SSA staff read: every code has its French label, here only. */
final class FrenchLabels {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    private FrenchLabels() {
    }

    static String status(CommitmentStatus status) {
        return switch (status) {
            case PLANNED -> "Prévu";
            case IN_PROGRESS -> "En cours";
            case ACHIEVED -> "Réalisé";
            case ABANDONED -> "Abandonné";
        };
    }

    static String owner(Owner owner) {
        return switch (owner) {
            case SSA -> "Service de santé des armées";
            case ARS -> "Agence régionale de santé";
            case JOINT -> "Conjoint (SSA et ARS)";
        };
    }

    static String party(Party party) {
        return party == Party.SSA ? "le Service de santé des armées" : "l'Agence régionale de santé";
    }

    static String kind(MeetingKind kind) {
        return kind == MeetingKind.ORDINARY ? "ordinaire" : "extraordinaire";
    }

    /** "12 mars 2026"; the 1st is "1er". */
    static String date(LocalDate date) {
        return date == null ? "—" : date.getDayOfMonth() == 1 ? "1er " + DAY.format(date).substring(2) : DAY.format(date);
    }

    /** The day in Paris of an instant. */
    static String date(Instant instant) {
        return instant == null ? "—" : date(instant.atZone(PARIS).toLocalDate());
    }

    /** "1 234,5": the French way, without trailing zeros. */
    static String number(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.FRENCH);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }
}
