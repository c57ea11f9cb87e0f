package fr.civmil.health.platform.domain;

import java.util.List;

/**
 * A domain rule refused a change. The domain says what happened (the kind, and a text key with its arguments,
 * see ProblemTexts); the platform's problem mapper says what HTTP makes of it (404, 409, 422, 400), so that domain
 * code never speaks HTTP.
 */
public class DomainException extends RuntimeException {

    public enum Kind {
        /** The thing a rule needs does not exist (404 on its own resource). */
        NOT_FOUND,
        /** The caller may do this kind of operation, but not on this thing (403), e.g. outside its région. */
        FORBIDDEN,
        /** The change conflicts with the current state: a lifecycle step, a duplicate, a rule between aggregates (409). */
        CONFLICT,
        /** Well formed, but breaks a rule or refers to something that does not exist (422). */
        UNPROCESSABLE,
        /** One value of the request is refused by a rule of the domain (400 naming the field). */
        INVALID_FIELD,
        /** The request as a whole is unreadable (400), e.g. a CSV file's header; its violations say where. */
        INVALID
    }

    /** Where a request breaks a rule ("siren", "line 12") and the key of why, with its arguments. */
    public record Violation(String field, String key, Object... args) {
    }

    private final Kind kind;
    private final String key;
    private final String field;
    private final Object[] args;
    private final List<Violation> violations;

    private DomainException(Kind kind, String key, String field, List<Violation> violations, Object... args) {
        super(key, null, false, false);
        this.kind = kind;
        this.key = key;
        this.field = field;
        this.violations = List.copyOf(violations);
        this.args = args.clone();
    }

    /** {@code what} names the missing thing: its text is {@code not-found.<what>}. */
    public static DomainException notFound(String what, Object id) {
        return new DomainException(Kind.NOT_FOUND, "not-found." + what, null, List.of(), id);
    }

    public static DomainException forbidden(String key, Object... args) {
        return new DomainException(Kind.FORBIDDEN, key, null, List.of(), args);
    }

    public static DomainException conflict(String key, Object... args) {
        return new DomainException(Kind.CONFLICT, key, null, List.of(), args);
    }

    public static DomainException unprocessable(String key, Object... args) {
        return new DomainException(Kind.UNPROCESSABLE, key, null, List.of(), args);
    }

    /** 422 with each place that breaks a rule (the lines of a file, say). */
    public static DomainException unprocessable(String key, List<Violation> violations, Object... args) {
        return new DomainException(Kind.UNPROCESSABLE, key, null, violations, args);
    }

    /** A request unreadable as a whole, with what is wrong where. */
    public static DomainException invalid(String key, List<Violation> violations, Object... args) {
        return new DomainException(Kind.INVALID, key, null, violations, args);
    }

    /** {@code key} (with its arguments) says why the field's value is refused. */
    public static DomainException invalidField(String field, String key, Object... args) {
        return new DomainException(Kind.INVALID_FIELD, key, field, List.of(), args);
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    /** The refused field, for {@link Kind#INVALID_FIELD}. */
    public String field() {
        return field;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Violation> violations() {
        return violations;
    }
}
