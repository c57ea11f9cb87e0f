package fr.civmil.health.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import com.sun.net.httpserver.HttpServer;

import fr.civmil.health.devstack.DevStackTestResource;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.smallrye.jwt.build.Jwt;

/**
 * An identity provider of the tests' own: RSA keys made in the test, a JWKS endpoint publishing the keys
 * the test chose (and counting how often it is fetched), and tokens signed with any key, published or not.
 */
public final class IssuerKeys {

    public static final String ISSUER = "https://idp.civmil-health.test/issuer";

    private final Map<String, KeyPair> keys = new ConcurrentHashMap<>();
    private final List<String> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;

    /** A new RSA key under this key id, not published yet. */
    public KeyPair create(String kid) {
        return keys.computeIfAbsent(kid, k -> generate());
    }

    /** The JWKS endpoint publishes this key from now on (key rotation at the identity provider). */
    public void publish(String kid) {
        create(kid);
        published.add(kid);
    }

    /** How many times the JWKS has been fetched. */
    public int fetches() {
        return fetches.get();
    }

    /** A valid token for the ars role, signed with this key and naming it in its kid header. */
    public String token(String kid, String subject) {
        return Jwt.issuer(ISSUER).audience("civmil-health").subject(subject).claim("client_id", subject).groups("ars")
                .expiresIn(600).jws().keyId(kid).sign(create(kid).getPrivate());
    }

    /** Signed by a key of its own that nobody publishes, while naming {@code kid} (a published one) in its header. */
    public String forged(String kid, String subject) {
        return Jwt.issuer(ISSUER).audience("civmil-health").subject(subject).groups("ars")
                .expiresIn(600).jws().keyId(kid).sign(generate().getPrivate());
    }

    /** The same without a kid header (what a PEM-configured verifier sees from a simple issuer). */
    public String tokenWithoutKid(String kid, String subject) {
        return Jwt.issuer(ISSUER).audience("civmil-health").subject(subject).groups("ars")
                .expiresIn(600).jws().sign(create(kid).getPrivate());
    }

    public String jwksUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json";
    }

    public synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/jwks.json", exchange -> {
            fetches.incrementAndGet();
            byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    private String jwks() {
        List<org.jose4j.jwk.JsonWebKey> jwks = new ArrayList<>();
        for (String kid : published) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) keys.get(kid).getPublic());
            jwk.setKeyId(kid);
            jwk.setAlgorithm("RS256");
            jwk.setUse("sig");
            jwks.add(jwk);
        }
        return new JsonWebKeySet(jwks).toJson();
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The dev stack (the gateway's database) with the key settings of a test's own identity provider;
     * the provider is injected into the test's {@code IssuerKeys} field.
     */
    public abstract static class Resource extends DevStackTestResource {

        protected final IssuerKeys keys = new IssuerKeys();

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(keys, new TestInjector.MatchesType(IssuerKeys.class));
        }
    }

    /** The gateway in front of the fake services, trusting only the keys a {@link Resource} configures. */
    public abstract static class Profile implements QuarkusTestProfile {

        private final Class<? extends Resource> keySource;

        protected Profile(Class<? extends Resource> keySource) {
            this.keySource = keySource;
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeUpstreamsResource.class),
                    new TestResourceEntry(keySource, Map.of("database", "gateway")));
        }
    }
}
