package fr.civmil.health.platform.problem;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.civmil.health.platform.domain.DomainException;

/**
 * A client-facing error raised by the domain or service layer; turned into problem+json by {@link ProblemMappers}.
 * It names its text by key (see {@link ProblemTexts}): the slug, or the slug and a variant
 * ({@code "illegal-transition.zone"}), with the arguments the text shows; the slug becomes the stable {@code type},
 * and the reader's language is chosen when the answer is written.
 */
public class ApiProblem extends RuntimeException {

    /** One invalid field and the key of why, rendered in the reader's language. */
    public record FieldError(String field, String key, Object... args) {

        public Problem.Violation in(Locale locale) {
            return new Problem.Violation(field, ProblemTexts.text(locale, key, args));
        }
    }

    private final int status;
    private final String slug;
    private final String key;
    private final Object[] args;
    private final List<FieldError> violations;
    private final Map<String, String> headers;

    public ApiProblem(int status, String key, Object... args) {
        this(status, key, args, List.of(), Map.of());
    }

    public ApiProblem(int status, String key, Object[] args, List<FieldError> violations, Map<String, String> headers) {
        super(ProblemTexts.text(Locale.ENGLISH, key, args), null, false, false);
        this.status = status;
        int variant = key.indexOf('.');
        this.slug = variant < 0 ? key : key.substring(0, variant);
        this.key = key;
        this.args = args.clone();
        this.violations = List.copyOf(violations);
        this.headers = Map.copyOf(headers);
    }

    /** 404 for an unknown resource; {@code what} names it ({@code not-found.<what>} is its text). */
    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found." + what, id);
    }

    /** 409: the request conflicts with the current state (a rule, a duplicate, a lifecycle step). */
    public static ApiProblem conflict(String key, Object... args) {
        return new ApiProblem(409, key, args);
    }

    /** 422: well-formed, but refers to something that does not exist or breaks a domain rule. */
    public static ApiProblem unprocessable(String key, Object... args) {
        return new ApiProblem(422, key, args);
    }

    /** 403 for a caller whose role allows the operation but not on this resource. */
    public static ApiProblem forbidden(String key, Object... args) {
        return new ApiProblem(403, key, args);
    }

    /** 400 with every invalid field named. */
    public static ApiProblem badRequest(List<FieldError> violations) {
        return violations.size() == 1 ? invalidField(violations.get(0).field(), violations.get(0).key(), violations.get(0).args())
                : new ApiProblem(400, "validation.many", new Object[] { violations.size() }, violations, Map.of());
    }

    /** 400 for one invalid field or parameter: {@code key} (with its arguments) says why. */
    public static ApiProblem invalidField(String field, String key, Object... args) {
        FieldError error = new FieldError(field, key, args);
        return new ApiProblem(400, "validation.one", new Object[] { field, new Rendered(error) }, List.of(error), Map.of());
    }

    /** The problem a refused domain rule makes: 404, 409, 422, or 400 naming the field (or the places of a whole request). */
    public static ApiProblem of(DomainException refusal) {
        List<FieldError> violations = refusal.violations().stream().map(v -> new FieldError(v.field(), v.key(), v.args())).toList();
        return switch (refusal.kind()) {
            case NOT_FOUND -> new ApiProblem(404, refusal.key(), refusal.args());
            case FORBIDDEN -> forbidden(refusal.key(), refusal.args());
            case CONFLICT -> conflict(refusal.key(), refusal.args());
            case UNPROCESSABLE -> new ApiProblem(422, refusal.key(), refusal.args(), violations, Map.of());
            case INVALID_FIELD -> invalidField(refusal.field(), refusal.key(), refusal.args());
            case INVALID -> new ApiProblem(400, refusal.key(), refusal.args(), violations, Map.of());
        };
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title(Locale locale) {
        return ProblemTexts.title(locale, status, slug);
    }

    public String detail(Locale locale) {
        Object[] shown = args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Rendered rendered) {
                shown[i] = rendered.error().in(locale).message();
            }
        }
        return ProblemTexts.text(locale, key, shown);
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<Problem.Violation> violations(Locale locale) {
        return violations.stream().map(v -> v.in(locale)).toList();
    }

    /** A field's reason shown inside the detail, rendered in the same language. */
    private record Rendered(FieldError error) {
        @Override
        public String toString() {
            return error.in(Locale.ENGLISH).message();
        }
    }
}
