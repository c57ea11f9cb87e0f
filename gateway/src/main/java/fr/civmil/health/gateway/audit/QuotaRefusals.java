package fr.civmil.health.gateway.audit;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many requests of one client on one route were refused for its quota (429) during one minute. */
@Schema(name = "QuotaRefusals", description = "Requests of one client on one route refused for its quota during one minute")
public record QuotaRefusals(
        @Schema(description = "Start of the minute (UTC)", example = "2026-03-02T09:41:00Z") Instant minute,
        @Schema(description = "Client id (token client_id or subject)", example = "dev-cnmss") String client,
        @Schema(description = "Route name (owning service) or 'gateway'", example = "referral-network-service") String route,
        @Schema(description = "Requests refused with 429 in that minute", example = "5730") long refusals) {
}
