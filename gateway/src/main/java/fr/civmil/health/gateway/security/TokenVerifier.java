package fr.civmil.health.gateway.security;

import java.util.Set;

import jakarta.inject.Singleton;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fr.civmil.health.platform.security.VerifiedTokens;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Verifies bearer tokens with the platform's parser, configured like every service
 * ({@code mp.jwt.verify.*}): RS256 signature against the JWKS (cached, fetched again on an unknown key
 * id) or PEM key, issuer, audience and expiry. Verifying may fetch keys, so it runs on a worker; a token
 * the parser has already verified is answered on the event loop, which keeps the added latency tiny.
 */
@Singleton
public class TokenVerifier {

    private final VerifiedTokens parser;
    private final Vertx vertx;

    public TokenVerifier(VerifiedTokens parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    /** The caller's identity, or a failed future when the token is not acceptable. */
    public Future<Identity> verify(String token) {
        JsonWebToken known = parser.cached(token);
        if (known != null) {
            try {
                return Future.succeededFuture(identity(known));
            } catch (IllegalArgumentException e) {
                return Future.failedFuture(e);
            }
        }
        return vertx.executeBlocking(() -> identity(parser.parse(token)), false);
    }

    private static Identity identity(JsonWebToken jwt) {
        Object clientId = jwt.getClaim("client_id");
        // Custom claims come back as JSON values.
        String client = clientId instanceof JsonString json ? json.getString()
                : clientId != null ? clientId.toString() : jwt.getSubject();
        if (client == null || client.isBlank()) {
            throw new IllegalArgumentException("the token names no client (client_id or sub)");
        }
        Set<String> roles = jwt.getGroups() == null ? Set.of() : Set.copyOf(jwt.getGroups());
        return new Identity(jwt.getSubject(), client, roles);
    }
}
