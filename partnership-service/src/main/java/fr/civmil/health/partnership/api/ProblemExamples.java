package fr.civmil.health.partnership.api;

/** Examples of problem+json bodies shown in the OpenAPI document. */
final class ProblemExamples {

    static final String PROBLEM = "application/problem+json";
    static final String BAD_REQUEST = """
            {"type":"urn:civmil:problem:validation","title":"Invalid request","status":400,"detail":"periodEnd: must be after periodStart","violations":[{"field":"periodEnd","message":"must be after periodStart"}]}""";
    static final String UNAUTHORIZED = """
            {"type":"urn:civmil:problem:unauthorized","title":"Unauthorized","status":401,"detail":"A valid bearer token is required"}""";
    static final String FORBIDDEN = """
            {"type":"urn:civmil:problem:forbidden","title":"Forbidden","status":403,"detail":"Your role does not allow this operation"}""";
    static final String NOT_FOUND = """
            {"type":"urn:civmil:problem:not-found","title":"Not found","status":404,"detail":"Contract 3f0f… does not exist"}""";
    static final String CONFLICT = """
            {"type":"urn:civmil:problem:illegal-transition","title":"Conflict","status":409,"detail":"A DRAFT contract cannot become ACTIVE; allowed: [SIGNED, TERMINATED]"}""";
    static final String UNPROCESSABLE = """
            {"type":"urn:civmil:problem:unknown-zone","title":"Unprocessable request","status":422,"detail":"Unknown priority zones: [0b6b6f7e-…]"}""";

    private ProblemExamples() {
    }
}
