package fr.civmil.health.platform.strict;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A JAX-RS or OpenAPI path template ({@code /api/v1/priority-zones/{id}/sites}) as a matcher. When several match a
 * path, the one with the most literal characters is the path's own, as JAX-RS chooses. A path that does not begin
 * with the template's text before its first parameter is told apart without the regular expression (the gateway
 * matches every request against a service's paths).
 */
public record PathTemplate(String template, Pattern pattern, int literals, String literalStart) {

    private static final Pattern PARAMETER = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(?::\\s*((?:[^{}]|\\{[^{}]*\\})+))?\\}");

    public static PathTemplate of(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(template);
        int last = 0;
        int firstParameter = template.length();
        while (parameter.find()) {
            firstParameter = Math.min(firstParameter, parameter.start());
            regex.append(Pattern.quote(template.substring(last, parameter.start())));
            regex.append('(').append(parameter.group(2) == null ? "[^/]+" : parameter.group(2)).append(')');
            last = parameter.end();
        }
        regex.append(Pattern.quote(template.substring(last))).append("/?");
        return new PathTemplate(template, Pattern.compile(regex.toString()), PARAMETER.matcher(template).replaceAll("").length(),
                template.substring(0, firstParameter));
    }

    public boolean matches(String path) {
        return path.startsWith(literalStart) && pattern.matcher(path).matches();
    }

    /** Whether this template is a better match for a path than another one that matches it too. */
    public boolean moreSpecificThan(PathTemplate other) {
        return other == null || literals > other.literals;
    }
}
