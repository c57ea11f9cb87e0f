package fr.civmil.health.platform.params;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import fr.civmil.health.platform.problem.ApiProblem;

/**
 * Every typed query, path and header parameter read strictly: integers, booleans ({@code true} or
 * {@code false}, nothing else), UUIDs in their canonical form, ISO-8601 dates ({@code 2026-11-23}), instants with
 * their offset ({@code 2026-11-23T09:00:00Z}), months ({@code 2026-11}) and the suite's enums by name. A malformed or empty value is a 400 problem naming the
 * parameter and what it accepts (JAX-RS would otherwise answer 404, or read "yes" as false).
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    /** The months the suite speaks of, as the OpenAPI YearMonth schema states them. */
    public static final Pattern MONTH = Pattern.compile("(19|20)[0-9]{2}-(0[1-9]|1[0-2])");
    private static final Pattern CANONICAL_UUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = httpName(annotations);
        name = name == null ? "parameter" : name;
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Parsed<>(name, Integer::valueOf, "param.integer");
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) new Parsed<>(name, Long::valueOf, "param.integer");
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) new Parsed<>(name, QueryParamConverters::bool, "param.boolean");
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Parsed<>(name, QueryParamConverters::uuid, "param.uuid");
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Parsed<>(name, LocalDate::parse, "param.date");
        }
        if (rawType == OffsetDateTime.class) {
            return (ParamConverter<T>) new Parsed<>(name, OffsetDateTime::parse, "param.instant");
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Parsed<>(name, QueryParamConverters::month, "param.month");
        }
        if (rawType.isEnum() && rawType.getPackageName().startsWith("fr.civmil.health")) {
            return (ParamConverter<T>) enumConverter((Class) rawType, name);
        }
        return null;
    }

    /** A parameter's name on the wire, from its JAX-RS annotation; null when it has none. */
    public static String httpName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }

    private static Boolean bool(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException(value);
        };
    }

    private static UUID uuid(String value) {
        if (!CANONICAL_UUID.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return UUID.fromString(value);
    }

    private static YearMonth month(String value) {
        if (!MONTH.matcher(value).matches()) {
            throw new IllegalArgumentException(value);
        }
        return YearMonth.parse(value);
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(Class<E> type, String name) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return new Parsed<>(name, value -> Enum.valueOf(type, value), "field.one-of", allowed);
    }

    /** A parameter parsed by {@code parser}; a refusal names it with the key (and argument) of what it accepts. */
    private record Parsed<T>(String name, Function<String, T> parser, String expectedKey, String argument) implements ParamConverter<T> {

        Parsed(String name, Function<String, T> parser, String expectedKey) {
            this(name, parser, expectedKey, null);
        }

        @Override
        public T fromString(String value) {
            if (value == null) {
                return null;
            }
            if (value.isEmpty()) {
                throw ApiProblem.invalidField(name, "param.empty");
            }
            try {
                return parser.apply(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                // The value is not echoed: it may be anything, including what must not be logged or shown.
                throw argument == null ? ApiProblem.invalidField(name, expectedKey) : ApiProblem.invalidField(name, expectedKey, argument);
            }
        }

        @Override
        public String toString(T value) {
            return value instanceof Enum<?> constant ? constant.name() : value.toString();
        }
    }
}
