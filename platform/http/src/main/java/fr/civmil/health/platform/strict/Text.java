package fr.civmil.health.platform.strict;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import fr.civmil.health.platform.problem.ApiProblem;

/**
 * Text as people type it: no control character (C0, DEL, C1), which no form produces and which corrupt
 * exports, logs and terminals; tab and line breaks only in {@link MultiLine} fields. Query parameters
 * follow the same rule ({@link StrictParameters}).
 */
public final class Text {

    private Text() {
    }

    /** The key of what is wrong with this text ({@code ProblemTexts}), or null when it is acceptable. */
    public static String refusal(String value, boolean multiLine) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) {
                if (multiLine && (c == '\t' || c == '\n' || c == '\r')) {
                    continue;
                }
                return multiLine ? "field.multi-line" : "field.one-line";
            }
        }
        return null;
    }

    /** A refused string: its key is the field's violation (the value itself is never echoed). */
    public static final class Refused extends MismatchedInputException {

        private final String key;

        Refused(JsonParser parser, String key) {
            super(parser, key, String.class);
            this.key = key;
        }

        public ApiProblem.FieldError error(String field) {
            return new ApiProblem.FieldError(field, key);
        }
    }

    /** Jackson's string reading, followed by {@link #refusal}. */
    static final class Deserializer extends StdScalarDeserializer<String> implements ContextualDeserializer {

        private final boolean multiLine;

        Deserializer() {
            this(false);
        }

        private Deserializer(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean multi = property != null && property.getAnnotation(MultiLine.class) != null;
            return multi == multiLine ? this : new Deserializer(multi);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // Numbers, booleans, arrays and objects: refused by Jackson's own rules (no coercion).
                return StringDeserializer.instance.deserialize(parser, context);
            }
            String value = parser.getText();
            String refusal = refusal(value, multiLine);
            if (refusal != null) {
                throw new Refused(parser, refusal);
            }
            return value;
        }
    }
}
