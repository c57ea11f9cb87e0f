package fr.civmil.health.platform.security;

import java.security.PrivateKey;
import java.security.PublicKey;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The JWT parser of every service, smallrye-jwt's own behind a cache of tokens it has verified.
 * Verifying an RS256 token (signature, issuer, audience, expiry) is most of the CPU a cached read
 * costs, and clients send the same token for its whole lifetime. A token is served from the cache
 * only as the exact string that passed verification and only until its {@code exp}; anything else,
 * including every refused token, goes through full verification. A key removed from the JWKS stops
 * new tokens at once; tokens it signed before stay accepted until they expire, as they would by any
 * resource server that verifies offline.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser verifier;
    private final Cache<String, JsonWebToken> verified;

    @Inject
    public VerifiedTokens(JWTAuthContextInfo context, JWTCallerPrincipalFactory principals,
            @ConfigProperty(name = "civmil.security.verified-token-cache-size", defaultValue = "10000") int size) {
        // The application's factory, as smallrye-jwt's own parser bean gets: it holds the JWKS cache, which
        // must not outlive the application (the static default would, from one test application to the next).
        this.verifier = new DefaultJWTParser(context, principals);
        this.verified = Caffeine.newBuilder().maximumSize(size).build();
    }

    /** A token verified before and not expired yet, without verifying anything; null otherwise. */
    public JsonWebToken cached(String token) {
        JsonWebToken jwt = verified.getIfPresent(token);
        if (jwt == null) {
            return null;
        }
        if (jwt.getExpirationTime() * 1000L <= System.currentTimeMillis()) {
            verified.invalidate(token);
            return null;
        }
        return jwt;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken jwt = cached(token);
        if (jwt == null) {
            jwt = verifier.parse(token);
            verified.put(token, jwt);
        }
        return jwt;
    }

    // Verification with other settings or keys than the configured ones is never cached.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
