package fr.civmil.health.gateway.audit;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the gateway remembers of one request. */
@Schema(name = "AuditRecord", description = "One request answered by the gateway")
public record AuditRecord(
        @Schema(description = "When the request arrived", example = "2026-03-02T09:15:30.123Z") Instant time,
        @Schema(description = "The calling client (token client_id or subject); absent when unauthenticated", example = "dev-ars") String client,
        @Schema(description = "The client's roles", example = "[\"ars\"]") List<String> roles,
        @Schema(example = "GET") String method,
        @Schema(description = "Request path, without query", example = "/api/v1/priority-zones") String path,
        @Schema(description = "Route (owning service) or 'gateway'; absent when no route matched", example = "zones-service") String route,
        @Schema(description = "HTTP status answered", example = "200") int status,
        @Schema(description = "Time from arrival to the end of the response, in milliseconds", example = "3.2") double latencyMs,
        @Schema(description = "X-Request-Id of the request", example = "7f3c7a0e-2b1d-4f7e-9a51-3c1e9b1f0a42") String requestId,
        @Schema(description = "Upstream instance that served it (host:port); absent when the gateway answered itself", example = "10.0.0.5:8080") String upstream) {
}
