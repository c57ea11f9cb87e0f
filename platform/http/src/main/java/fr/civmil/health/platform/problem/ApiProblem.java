package fr.civmil.health.platform.problem;

import java.util.List;
import java.util.Map;

/**
 * A client-facing error raised by the domain or service layer; turned into problem+json by
 * {@link ProblemMappers}. The slug becomes the stable {@code type}.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Map<String, String> headers;

    public ApiProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null, Map.of());
    }

    public ApiProblem(int status, String slug, String title, String detail, List<Problem.Violation> violations,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations;
        this.headers = headers;
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    /** 409: the request conflicts with the current state (a rule, a duplicate, a lifecycle step). */
    public static ApiProblem conflict(String slug, String detail) {
        return new ApiProblem(409, slug, "Conflict", detail);
    }

    /** 422: well-formed, but refers to something that does not exist or breaks a domain rule. */
    public static ApiProblem unprocessable(String slug, String detail) {
        return new ApiProblem(422, slug, "Unprocessable request", detail);
    }

    public static ApiProblem badRequest(String slug, String detail, List<Problem.Violation> violations) {
        return new ApiProblem(400, slug, "Invalid request", detail, violations, Map.of());
    }

    /** 400 for one invalid field or parameter. */
    public static ApiProblem invalidField(String field, String message) {
        return badRequest("validation", field + ": " + message, List.of(new Problem.Violation(field, message)));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
