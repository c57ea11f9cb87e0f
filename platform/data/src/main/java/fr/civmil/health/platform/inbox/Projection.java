package fr.civmil.health.platform.inbox;

import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Nullable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * An inbox handler that applies other services' events as records. Each event type it consumes is declared with
 * {@link #on} and the record its {@code data} binds to: the consumer's reading of the producer's schema, only the
 * fields it uses (the contract tests check the schema guarantees them). A component is required unless
 * {@link Nullable}: an event without it, or with a blank text for it, is refused (retried, then dead-lettered). Other
 * types on its topics are skipped.
 */
public abstract class Projection implements InboxHandler {

    /** Applies one bound event; runs in the inbox's transaction. */
    @FunctionalInterface
    protected interface Applier<E> {

        void apply(E data, CloudEvent event) throws Exception;
    }

    private record Binding<E extends Record>(Class<E> data, Applier<E> applier) {

        void apply(CloudEvent event) throws Exception {
            applier.apply(bind(event.type(), event.data(), data), event);
        }
    }

    // Tolerant reader: fields the record does not name are the producer's business.
    private static final ObjectMapper BINDER = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE).build();

    private final String name;
    private final Set<String> topics;
    private final Map<String, Binding<?>> bindings = new LinkedHashMap<>();

    /** @param name the inbox key and consumer group suffix; {@code topics} the producers' topics it reads */
    protected Projection(String name, String... topics) {
        this.name = name;
        this.topics = Set.of(topics);
    }

    /** Declares that events of this type are applied by {@code applier}, their data bound to {@code data}. */
    protected final <E extends Record> void on(String type, Class<E> data, Applier<E> applier) {
        if (bindings.putIfAbsent(type, new Binding<>(data, applier)) != null) {
            throw new IllegalStateException(name + " declares " + type + " twice");
        }
    }

    /** The event types this projection applies, each with the record its data binds to. */
    public final Map<String, Class<? extends Record>> consumes() {
        Map<String, Class<? extends Record>> types = new LinkedHashMap<>();
        bindings.forEach((type, binding) -> types.put(type, binding.data()));
        return Collections.unmodifiableMap(types);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> topics() {
        return topics;
    }

    @Override
    public final void handle(CloudEvent event) throws Exception {
        Binding<?> binding = bindings.get(event.type());
        if (binding != null) {
            binding.apply(event);
        }
    }

    /** The event's data as the record, or {@link IllegalArgumentException} naming what is missing or mistyped. */
    static <E extends Record> E bind(String type, JsonNode data, Class<E> record) {
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException(type + " has no data object");
        }
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode value = data.get(component.getName());
            boolean absent = value == null || value.isNull() || (value.isTextual() && value.asText().isBlank());
            if (absent && !component.isAnnotationPresent(Nullable.class)) {
                throw new IllegalArgumentException("event data has no '" + component.getName() + "'");
            }
        }
        try {
            return BINDER.treeToValue(data, record);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(type + " data does not fit " + record.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }
}
