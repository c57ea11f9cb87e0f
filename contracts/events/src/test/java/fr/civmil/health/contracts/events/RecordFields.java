package fr.civmil.health.contracts.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/** The JSON type an event record's component is written as, or read from. */
final class RecordFields {

    private RecordFields() {
    }

    /** {@code string}, {@code integer}, {@code number}, {@code boolean}, {@code object}, {@code string[]} or {@code array}. */
    static String jsonType(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return jsonType(parameterized.getActualTypeArguments()[0]).equals("string") ? "string[]" : "array";
            }
            return jsonType(raw);
        }
        if (!(type instanceof Class<?> c)) {
            throw new IllegalArgumentException("no JSON type known for " + type);
        }
        if (c == String.class || c == UUID.class || c.isEnum() || Temporal.class.isAssignableFrom(c)) {
            return "string";
        }
        if (c == int.class || c == long.class || c == short.class || c == Integer.class || c == Long.class || c == Short.class) {
            return "integer";
        }
        if (c == BigDecimal.class || c == double.class || c == float.class || c == Double.class || c == Float.class) {
            return "number";
        }
        if (c == boolean.class || c == Boolean.class) {
            return "boolean";
        }
        if (Map.class.isAssignableFrom(c) || c.isRecord()) {
            return "object";
        }
        throw new IllegalArgumentException("no JSON type known for " + c.getName());
    }
}
