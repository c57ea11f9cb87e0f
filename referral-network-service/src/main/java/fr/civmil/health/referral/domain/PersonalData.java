package fr.civmil.health.referral.domain;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data of a household in a text where none may be: a social-security number (NIR) anywhere in it, or
 * the shape of a person's name. Pure rules, so that free text is refused before it is stored, logged or published.
 */
public final class PersonalData {

    /** What a text was found to hold. */
    public enum Finding {
        NONE, NIR, PERSON_NAME
    }

    /** Digits (and the Corsican A/B) possibly separated by one space, dot, hyphen, underscore or slash: how a NIR is written. */
    private static final Pattern DIGIT_RUN = Pattern.compile("[0-9](?:[ .\\-_/]?[0-9AB])*", Pattern.CASE_INSENSITIVE);
    private static final Pattern SEPARATORS = Pattern.compile("[ .\\-_/]");
    /** Sex, year, month (01-12, or 20, 30-42, 50-99 when unknown), place of birth, order (001-999). */
    private static final Pattern NIR = Pattern.compile("[123478][0-9]{2}(0[1-9]|1[0-2]|20|3[0-9]|4[0-2]|[5-9][0-9])"
            + "(?!00)([0-9]{2}|2[AB])(?!000)[0-9]{3}(?!000)[0-9]{3}");

    private static final String SURNAME = "\\p{Lu}{3,}";
    private static final String FIRST_NAME = "\\p{Lu}\\p{Ll}+";
    /** A title before a capitalised word: "M. Dupont", "Mme Martin", "Dr Durand". */
    private static final Pattern TITLED = Pattern.compile(
            "(?<![\\p{L}])(M|MM|Mr|Mme|Mmes|Mlle|Mlles|Monsieur|Madame|Mademoiselle|Messieurs|Mesdames|Dr|Docteur|Pr|Professeur)\\.?\\s+\\p{Lu}\\p{L}+");
    /** A first name beside an upper-case surname: "Jean DUPONT", "DUPONT Jean", "DUPONT-Jean". */
    private static final Pattern NAMED = Pattern.compile("(?<![\\p{L}])(?:(" + FIRST_NAME + ")[ -](" + SURNAME + ")|(" + SURNAME
            + ")[ -](" + FIRST_NAME + "))(?![\\p{L}])");
    /** Upper-case words of the trade that are not surnames. */
    private static final Set<String> ACRONYMS = Set.of("CNMSS", "SSA", "ARS", "EPCI", "RPPS", "NIR", "ORSAN", "CPAM", "DRH",
            "CHU", "CHR", "HIA", "BSPP", "SIREN", "INSEE", "RETEX", "PACS", "OPEX", "MISSINT", "TRE", "CSV", "PDF");

    private PersonalData() {
    }

    /** What the text holds; a NIR is looked for first, as the more sensitive. */
    public static Finding find(String text) {
        if (text == null || text.isEmpty()) {
            return Finding.NONE;
        }
        if (containsNir(text)) {
            return Finding.NIR;
        }
        return containsPersonName(text) ? Finding.PERSON_NAME : Finding.NONE;
    }

    /** A NIR anywhere: 13 characters (15 with the key) following the NIR rules, written with or without separators. */
    public static boolean containsNir(String text) {
        Matcher run = DIGIT_RUN.matcher(text);
        while (run.find()) {
            String compact = SEPARATORS.matcher(run.group()).replaceAll("").toUpperCase(Locale.ROOT);
            if (compact.length() >= 13 && NIR.matcher(compact).find()) {
                return true;
            }
        }
        return false;
    }

    /** A title before a capitalised word, or a first name beside an upper-case surname that is not a known acronym. */
    public static boolean containsPersonName(String text) {
        if (TITLED.matcher(text).find()) {
            return true;
        }
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            String surname = named.group(2) != null ? named.group(2) : named.group(3);
            if (!ACRONYMS.contains(surname)) {
                return true;
            }
        }
        return false;
    }
}
