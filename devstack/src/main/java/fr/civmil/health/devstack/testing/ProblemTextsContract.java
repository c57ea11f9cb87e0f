package fr.civmil.health.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every text a module shows people is written in English and in French: each key of the problem texts
 * ({@code META-INF/civmil/problems.properties} and {@code _fr}) and of the Bean Validation messages
 * ({@code ValidationMessages}) in both languages with the same arguments, and every key the module's code raises
 * ({@code ApiProblem.conflict("key", ...)}, {@code invalidField(field, "key", ...)}, {@code message = "{key}"}) has
 * its text. Read from the sources and the classpath, without starting the application.
 */
public abstract class ProblemTextsContract {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");
    private static final List<Pattern> RAISED = List.of(
            Pattern.compile("ApiProblem\\.(?:conflict|unprocessable|forbidden)\\(\\s*\"([a-z0-9.-]+)\""),
            Pattern.compile("new ApiProblem\\(\\s*\\d+,\\s*\"([a-z0-9.-]+)\""),
            Pattern.compile("\\bText\\(\\s*\"([a-z0-9.-]+)\""),
            Pattern.compile("(?:invalidField|FieldError)\\([^,()]+(?:\\([^()]*\\))?,\\s*\"([a-z0-9.-]+)\""),
            // The gateway's own: reject(request, 403, "key", ...), problems.send(rc.request(), 405, "key", ...).
            Pattern.compile("\\(\\s*[\\w.]+(?:\\(\\))?,\\s*\\d{3},\\s*\"([a-z0-9.-]+)\""));
    private static final Pattern NOT_FOUND = Pattern.compile("ApiProblem\\.notFound\\(\\s*\"([a-z0-9-]+)\"");
    private static final Pattern VALIDATION_KEY = Pattern.compile("message\\s*=\\s*\"\\{([A-Za-z0-9.-]+)}\"");

    @Test
    void everyProblemTextIsWrittenInEnglishAndFrenchWithTheSameArguments() throws IOException {
        assertSameKeysAndArguments(merged("META-INF/civmil/problems.properties"), merged("META-INF/civmil/problems_fr.properties"));
    }

    @Test
    void everyValidationMessageIsWrittenInEnglishAndFrench() throws IOException {
        assertSameKeysAndArguments(merged("ValidationMessages.properties"), merged("ValidationMessages_fr.properties"));
    }

    @Test
    void everyKeyTheCodeRaisesHasItsText() throws IOException {
        Map<String, String> problems = merged("META-INF/civmil/problems.properties");
        Map<String, String> validation = merged("ValidationMessages.properties");
        validation.putAll(merged("ContributorValidationMessages.properties"));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                for (Pattern raised : RAISED) {
                    keys(raised, source).stream().filter(key -> !problems.containsKey(key)).forEach(key -> missing.add(key + " (" + file.getFileName() + ")"));
                }
                keys(NOT_FOUND, source).stream().map(what -> "not-found." + what).filter(key -> !problems.containsKey(key))
                        .forEach(key -> missing.add(key + " (" + file.getFileName() + ")"));
                keys(VALIDATION_KEY, source).stream().filter(key -> !validation.containsKey(key))
                        .forEach(key -> missing.add("{" + key + "} (" + file.getFileName() + ")"));
            }
        }
        assertEquals(Set.of(), missing, "keys raised by the code without a text");
    }

    private static List<String> keys(Pattern pattern, String source) {
        List<String> keys = new ArrayList<>();
        Matcher matcher = pattern.matcher(source);
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    private static void assertSameKeysAndArguments(Map<String, String> english, Map<String, String> french) {
        Map<String, String> differences = new TreeMap<>();
        english.forEach((key, text) -> {
            if (!french.containsKey(key)) {
                differences.put(key, "no French text");
            } else if (!arguments(text).equals(arguments(french.get(key)))) {
                differences.put(key, "arguments " + arguments(text) + " in English, " + arguments(french.get(key)) + " in French");
            }
        });
        french.keySet().stream().filter(key -> !english.containsKey(key)).forEach(key -> differences.put(key, "no English text"));
        assertEquals(Map.of(), differences);
    }

    private static Set<String> arguments(String text) {
        Set<String> arguments = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(text);
        while (matcher.find()) {
            arguments.add(matcher.group(1));
        }
        return arguments;
    }

    /** Every file of this name on the classpath (the platform's and the module's), merged. */
    private static Map<String, String> merged(String resource) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (URL url : Collections.list(ProblemTextsContract.class.getClassLoader().getResources(resource))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            properties.forEach((key, value) -> texts.put((String) key, (String) value));
        }
        return texts;
    }
}
