package fr.civmil.health.platform.strict;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A free-text field that may span lines: tab, line feed and carriage return are accepted in it. Every
 * other control character stays refused, as everywhere else ({@link Text}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT })
public @interface MultiLine {
}
