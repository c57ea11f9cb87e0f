package fr.civmil.health.platform.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The CloudEvents type of an {@link OutboxEvent} record and the kind of aggregate it is about. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** e.g. {@code fr.civmil.zones.priority-zone.designated.v1} */
    String value();

    /** e.g. {@code priority-zone}; the event's subject is it and the aggregate id ("priority-zone 0b6b…"). */
    String aggregate();

    /** What the subject names when it is not the aggregate (e.g. {@code departement} for per-département counts). */
    String subject() default "";
}
