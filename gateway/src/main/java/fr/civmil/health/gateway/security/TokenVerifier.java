package fr.civmil.health.gateway.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Verifies bearer tokens with smallrye-jwt, configured like every service ({@code mp.jwt.verify.*}):
 * RS256 signature against the JWKS (cached, fetched again on an unknown key id) or PEM key, issuer,
 * audience and expiry. Parsing may fetch keys, so it runs on a worker; a token already verified is
 * answered from memory until it expires, which keeps the event loop free and the added latency tiny.
 */
@Singleton
public class TokenVerifier {

    /** Beyond this many cached tokens the cache starts afresh (tokens are re-verified, never trusted blindly). */
    private static final int MAX_CACHED = 50_000;

    private final JWTParser parser;
    private final Vertx vertx;
    private final ConcurrentHashMap<String, Identity> verified = new ConcurrentHashMap<>();

    public TokenVerifier(JWTParser parser, Vertx vertx) {
        this.parser = parser;
        this.vertx = vertx;
    }

    /** The caller's identity, or a failed future when the token is not acceptable. */
    public Future<Identity> verify(String token) {
        Identity known = verified.get(token);
        if (known != null) {
            if (known.expiresAtMillis() > System.currentTimeMillis()) {
                return Future.succeededFuture(known);
            }
            verified.remove(token);
        }
        return vertx.executeBlocking(() -> identity(parser.parse(token)), false).onSuccess(identity -> {
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(token, identity);
        });
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
        return new Identity(client, roles, jwt.getExpirationTime() * 1000L);
    }
}
