package fr.civmil.health.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The development identity provider: an RS256 key pair generated per run, published as a JWKS
 * over HTTP, exactly as a real OIDC provider publishes its keys. Services and the gateway trust it
 * through configuration only ({@code mp.jwt.verify.publickey.location}, {@code mp.jwt.verify.issuer}).
 * Never used outside the dev stack and the tests.
 */
public final class DevIssuer implements AutoCloseable {

    public static final String AUDIENCE = "civmil-health";
    public static final List<String> ROLES = List.of("ars", "ssa", "cnmss", "auditor", "admin");
    /** The dev ARS agent's région (claim {@code region}): Occitanie, where the seeds are. */
    public static final String ARS_REGION = "76";

    private final KeyPair keyPair;
    private final String keyId;
    private final HttpServer server;
    private final String issuer;

    private DevIssuer(KeyPair keyPair, HttpServer server) {
        this.keyPair = keyPair;
        this.keyId = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        this.server = server;
        this.issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/dev-issuer";
    }

    /** Generates a key pair and serves its JWKS on the port (0 picks a free one). */
    public static DevIssuer start(int port) throws IOException {
        KeyPair keyPair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keyPair = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        DevIssuer issuer = new DevIssuer(keyPair, server);
        server.createContext("/dev-issuer/.well-known/jwks.json", issuer::serveJwks);
        server.createContext("/dev-issuer/.well-known/openid-configuration", issuer::serveDiscovery);
        server.start();
        return issuer;
    }

    public String issuer() {
        return issuer;
    }

    public String jwksUrl() {
        return issuer + "/.well-known/jwks.json";
    }

    /** A signed access token for a dev client holding one role (an ARS agent of Occitanie for {@code ars}). */
    public String tokenFor(String role, Duration ttl) {
        return token("dev-" + role, List.of(role), ttl);
    }

    /** The token of an ARS agent of a région (subject {@code dev-ars-<région>}). */
    public String arsTokenFor(String regionCode, Duration ttl) {
        return token("dev-ars-" + regionCode, List.of("ars"), regionCode, ttl);
    }

    /** A token for these roles; an {@code ars} one acts for Occitanie. */
    public String token(String subject, List<String> roles, Duration ttl) {
        return token(subject, roles, roles.contains("ars") ? ARS_REGION : null, ttl);
    }

    /** A token for these roles and région (null: no {@code region} claim). */
    public String token(String subject, List<String> roles, String regionCode, Duration ttl) {
        return sign(keyPair, keyId, issuer, subject, roles, regionCode, ttl);
    }

    /** Writes the private key (PKCS#8 PEM) so that tests in other class loaders can mint tokens. */
    public Path writePrivateKey(Path file) throws IOException {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keyPair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.writeString(file, pem);
        return file;
    }

    public String keyId() {
        return keyId;
    }

    static String sign(KeyPair keyPair, String keyId, String issuer, String subject, List<String> roles, String regionCode, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setClaim("client_id", subject);
        claims.setStringListClaim("groups", roles);
        if (regionCode != null) {
            claims.setClaim("region", regionCode);
        }
        claims.setIssuedAtToNow();
        claims.setGeneratedJwtId();
        claims.setExpirationTimeMinutesInTheFuture(ttl.toSeconds() / 60f);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keyPair.getPrivate());
        jws.setKeyIdHeaderValue(keyId);
        jws.setHeader("typ", "JWT");
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serveJwks(HttpExchange exchange) throws IOException {
        RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keyPair.getPublic());
        jwk.setKeyId(keyId);
        jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        jwk.setUse("sig");
        respond(exchange, new JsonWebKeySet(jwk).toJson());
    }

    private void serveDiscovery(HttpExchange exchange) throws IOException {
        respond(exchange, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUrl() + "\","
                + "\"id_token_signing_alg_values_supported\":[\"RS256\"]}");
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
