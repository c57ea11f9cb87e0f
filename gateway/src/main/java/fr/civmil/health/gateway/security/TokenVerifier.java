package fr.civmil.health.gateway.security;

import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import fr.civmil.health.platform.security.VerifiedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Verifies bearer tokens with the platform's parser, configured like every service
 * ({@code mp.jwt.verify.*}): RS256 signature against the JWKS (cached, fetched again on an unknown key
 * id) or PEM key, issuer, audience and expiry. Verifying may fetch keys, so it runs on a worker. The identity of a
 * token verified before is kept with its expiry and answered on the event loop: reading its claims again on every
 * request was 5 % of the gateway's CPU samples (JFR, bench/gateway).
 */
@Singleton
public class TokenVerifier {

    /** An accepted token's identity, until the token's {@code exp}. */
    private record Known(Identity identity, long expiresAtMillis) {
    }

    private final VerifiedTokens parser;
    private final Vertx vertx;
    private final Cache<String, Known> known;

    public TokenVerifier(VerifiedTokens parser, Vertx vertx,
            @ConfigProperty(name = "civmil.security.verified-token-cache-size", defaultValue = "10000") int size) {
        this.parser = parser;
        this.vertx = vertx;
        this.known = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** The caller's identity, or a failed future when the token is not acceptable. */
    public Future<Identity> verify(String token) {
        Known seen = known.getIfPresent(token);
        if (seen != null) {
            if (seen.expiresAtMillis() > System.currentTimeMillis()) {
                return Future.succeededFuture(seen.identity());
            }
            known.invalidate(token);
        }
        return vertx.executeBlocking(() -> {
            JsonWebToken jwt = parser.parse(token);
            Identity identity = identity(jwt);
            known.put(token, new Known(identity, jwt.getExpirationTime() * 1000L));
            return identity;
        }, false);
    }

    private static Identity identity(JsonWebToken jwt) {
        Object clientId = jwt.getClaim("client_id");
        // Custom claims come back as JSON values.
        String client = clientId instanceof JsonString json ? json.getString()
                : clientId != null ? clientId.toString() : jwt.getSubject();
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("the token names no client (client_id or sub)");
        }
        return new Identity(jwt.getSubject(), client, jwt.getGroups() == null ? Set.of() : jwt.getGroups());
    }
}
