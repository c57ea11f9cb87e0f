package fr.civmil.health.platform.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A state machine declared once: which statuses each status may move to. A refused step is a
 * {@link DomainException} conflict {@code illegal-<name>-transition} (from, to, the allowed next statuses), or
 * {@code illegal-<name>-transition.final} from a status that has no next one; a service whose problems already say
 * it another way names the key with {@link #refusedAs} ({@code illegal-transition.commitment}, and {@code .final}).
 *
 * <pre>
 * static final Lifecycle&lt;ZoneStatus&gt; LIFECYCLE = Lifecycle.of(ZoneStatus.class, "zone")
 *         .allow(PROPOSED, DESIGNATED, RETIRED)
 *         .allow(DESIGNATED, ACTIVE, RETIRED);
 * </pre>
 */
public final class Lifecycle<S extends Enum<S>> {

    private final Class<S> type;
    private final String refusal;
    private final Map<S, Set<S>> next;

    private Lifecycle(Class<S> type, String refusal, Map<S, Set<S>> next) {
        this.type = type;
        this.refusal = refusal;
        this.next = next;
    }

    /** A machine where no status moves yet; {@link #allow} adds the steps. */
    public static <S extends Enum<S>> Lifecycle<S> of(Class<S> type, String name) {
        return new Lifecycle<>(type, "illegal-" + name + "-transition", new EnumMap<>(type));
    }

    /** The same machine, refusing a step with this problem key (and this key {@code .final} from a final status). */
    public Lifecycle<S> refusedAs(String key) {
        return new Lifecycle<>(type, key, next);
    }

    /** The same machine where {@code from} may also move to each of {@code to}. */
    @SafeVarargs
    public final Lifecycle<S> allow(S from, S... to) {
        Map<S, Set<S>> steps = new EnumMap<>(type);
        steps.putAll(next);
        Set<S> targets = EnumSet.noneOf(type);
        targets.addAll(next.getOrDefault(from, Set.of()));
        targets.addAll(Set.of(to));
        steps.put(from, Collections.unmodifiableSet(targets));
        return new Lifecycle<>(type, refusal, steps);
    }

    /** The statuses {@code from} may move to (none for a final status). */
    public Set<S> next(S from) {
        return next.getOrDefault(from, Set.of());
    }

    public boolean allows(S from, S to) {
        return next(from).contains(to);
    }

    /** Refuses a step the machine does not allow. */
    public void requireStep(S from, S to) {
        if (!allows(from, to)) {
            throw next(from).isEmpty() ? DomainException.conflict(refusal + ".final", from, to)
                    : DomainException.conflict(refusal, from, to, next(from));
        }
    }
}
