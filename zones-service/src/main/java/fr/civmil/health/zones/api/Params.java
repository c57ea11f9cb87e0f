package fr.civmil.health.zones.api;

import java.util.Arrays;

import fr.civmil.health.platform.problem.ApiProblem;

/** Enum query parameters: an unknown value is a 400 problem naming the allowed ones (JAX-RS alone would answer 404). */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
