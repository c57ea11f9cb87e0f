package fr.civmil.health.platform.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.civmil.health.platform.domain.Reason;

/**
 * The texts of problems, for people: in English, or in French when the request prefers it ({@code Accept-Language}).
 * Every module (the platform's and each service's) keeps its texts in {@value #RESOURCE}{@code .properties} and
 * {@code _fr.properties}, merged here, so a problem raised anywhere is keyed once and read in either language. A key
 * is the problem's slug, or the slug and a variant ({@code illegal-transition.zone}); {@code title.<slug>} or
 * {@code title.<status>} is its title. Arguments replace {@code {0}}, {@code {1}}...: codes and ids as given, decimals
 * and dates as the reader writes them. (Plain substitution rather than MessageFormat: French apostrophes need no
 * escaping and numbers are never regrouped.)
 */
public final class ProblemTexts {

    public static final String RESOURCE = "META-INF/civmil/problems";
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "en", load(RESOURCE + ".properties"),
            "fr", load(RESOURCE + "_fr.properties"));

    private ProblemTexts() {
    }

    /**
     * A text shown inside another (a reason among a line's reasons): an argument of this type is rendered in the
     * reader's language too; a list of them reads as clauses separated by "; ".
     */
    public record Text(String key, Object... args) {
    }

    /** French when the client ranks French before English, English otherwise (the acceptable languages are in preference order). */
    public static Locale negotiate(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("fr")) {
                return Locale.FRENCH;
            }
            if (locale.getLanguage().equals("en") || locale.getLanguage().equals("*")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    /** The same choice from an {@code Accept-Language} header as sent (null or unreadable: English). */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            // LanguageRange.parse sorts the ranges by weight, highest first.
            return negotiate(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> range.getRange().equals("*") ? Locale.ENGLISH : Locale.forLanguageTag(range.getRange())).toList());
        } catch (IllegalArgumentException e) {
            return Locale.ENGLISH;
        }
    }

    /** The text of a key in the reader's language (English when French lacks it). */
    public static String text(Locale locale, String key, Object... args) {
        String template = texts(locale).get(key);
        if (template == null) {
            template = TEXTS.get("en").get(key);
        }
        if (template == null) {
            // A key without a text is a defect that each module's ProblemTextsTest reports; still say what is known.
            return key + (args.length == 0 ? "" : " " + List.of(args).stream().map(a -> format(Locale.ENGLISH, a)).collect(Collectors.joining(" ")));
        }
        Matcher matcher = ARGUMENT.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(index < args.length ? format(locale, args[index]) : matcher.group()));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The title of a problem: its own ({@code title.<slug>}) or its status's. */
    public static String title(Locale locale, int status, String slug) {
        Map<String, String> texts = texts(locale);
        String title = texts.getOrDefault("title." + slug, texts.get("title." + status));
        if (title == null) {
            title = TEXTS.get("en").getOrDefault("title." + slug, TEXTS.get("en").getOrDefault("title." + status, "Error"));
        }
        return title;
    }

    /** Every key and template of a language, for the tests that check each key is written in both. */
    public static Map<String, String> all(Locale locale) {
        return texts(locale);
    }

    private static Map<String, String> texts(Locale locale) {
        return TEXTS.getOrDefault(locale.getLanguage(), TEXTS.get("en"));
    }

    static String format(Locale locale, Object value) {
        boolean french = locale.getLanguage().equals("fr");
        if (value instanceof BigDecimal decimal) {
            String plain = decimal.stripTrailingZeros().toPlainString();
            return french ? plain.replace('.', ',') : plain;
        }
        if (value instanceof LocalDate date) {
            return french ? FRENCH_DATE.format(date) : date.toString();
        }
        if (value instanceof Enum<?> code) {
            return code.name();
        }
        if (value instanceof Text text) {
            return text(locale, text.key(), text.args());
        }
        if (value instanceof Reason reason) {
            return text(locale, reason.key(), reason.args());
        }
        if (value instanceof Collection<?> values) {
            boolean clauses = !values.isEmpty() && values.stream().allMatch(v -> v instanceof Text || v instanceof Reason);
            return values.stream().map(v -> format(locale, v)).collect(Collectors.joining(clauses ? "; " : ", "));
        }
        return String.valueOf(value);
    }

    private static Map<String, String> load(String resource) {
        Map<String, String> texts = new HashMap<>();
        try {
            Enumeration<URL> files = ProblemTexts.class.getClassLoader().getResources(resource);
            for (URL file : Collections.list(files)) {
                Properties properties = new Properties();
                try (InputStream in = file.openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.forEach((key, value) -> {
                    String previous = texts.put((String) key, (String) value);
                    if (previous != null && !previous.equals(value)) {
                        throw new IllegalStateException("Problem text " + key + " is written twice, differently (" + file + ")");
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(texts);
    }
}
