package fr.civmil.health.platform.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code type} is stable and documented; {@code detail} is for humans; {@code violations} lists
 * per-field errors; {@code errorId} lets operators find the log line of an unexpected error.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(required = true, description = "Stable identifier of the kind of problem", example = "urn:civmil:problem:validation") String type,
        @Schema(required = true, description = "Short summary of the kind of problem", example = "Invalid request") String title,
        @Schema(required = true, description = "HTTP status", example = "400") int status,
        @Schema(description = "What went wrong with this request", example = "2 fields are invalid") String detail,
        @Schema(description = "The request path", example = "/api/v1/priority-zones") String instance,
        @Schema(description = "Identifier of an unexpected error, to quote to operators") String errorId,
        @Schema(description = "Per-field errors") List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:civmil:problem:";

    /** One invalid field: its JSON path (or parameter name) and why. */
    @Schema(name = "Violation")
    public record Violation(
            @Schema(example = "siren") String field,
            @Schema(example = "must be a valid SIREN (9 digits with a Luhn key)") String message) {
    }
}
