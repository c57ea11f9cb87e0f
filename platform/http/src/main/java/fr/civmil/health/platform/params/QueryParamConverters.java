package fr.civmil.health.platform.params;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;

import fr.civmil.health.platform.problem.ApiProblem;

/**
 * ISO-8601 dates ({@code 2026-11-23}), months ({@code 2026-11}) and the suite's enums in query and
 * path parameters. A malformed value is a 400 problem naming the parameter and what it accepts
 * (JAX-RS would otherwise answer 404).
 */
@Provider
public class QueryParamConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings({ "unchecked", "rawtypes" })
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) new Parsed<>(name, LocalDate::parse, "an ISO-8601 date (YYYY-MM-DD)");
        }
        if (rawType == YearMonth.class) {
            return (ParamConverter<T>) new Parsed<>(name, YearMonth::parse, "a month (YYYY-MM)");
        }
        if (rawType.isEnum() && rawType.getPackageName().startsWith("fr.civmil.health")) {
            return (ParamConverter<T>) enumConverter((Class) rawType, name);
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
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
        return "parameter";
    }

    private static <E extends Enum<E>> ParamConverter<E> enumConverter(Class<E> type, String name) {
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return new Parsed<>(name, value -> Enum.valueOf(type, value), "one of " + allowed);
    }

    private record Parsed<T>(String name, Function<String, T> parser, String expected) implements ParamConverter<T> {

        @Override
        public T fromString(String value) {
            if (value == null || value.isEmpty()) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw ApiProblem.invalidField(name, "must be " + expected + ", got '" + value + "'");
            }
        }

        @Override
        public String toString(T value) {
            return value instanceof Enum<?> constant ? constant.name() : value.toString();
        }
    }
}
