package fr.civmil.health.clients.e2e;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import fr.civmil.health.devstack.DevStack;
import fr.civmil.health.devstack.TraceCollector;

/**
 * The whole dev stack (PostgreSQL, Kafka, dev issuer, the four services from their built
 * target/quarkus-app) on free ports, started once for every test class of the run and stopped when the
 * run ends. Tests reach it only through the gateway.
 */
public final class Stack implements BeforeAllCallback {

    private static volatile DevStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        // The root store closes its AutoCloseable values when the whole run ends.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(DevStack.class, key -> start(), DevStack.class);
    }

    private static DevStack start() {
        Path root = Path.of(System.getProperty("civmil.root", "..")).toAbsolutePath().normalize();
        try {
            stack = DevStack.startOnFreePorts(root, 1, root.resolve("clients/target/e2e-logs"));
            return stack;
        } catch (Exception e) {
            throw new IllegalStateException("The dev stack did not start (service logs in clients/target/e2e-logs*)", e);
        }
    }

    static String gateway() {
        return stack.gatewayUrl();
    }

    /** The spans the stack's services exported. */
    static TraceCollector traces() {
        return stack.traces();
    }

    /** Adds a bearer token of the dev issuer for a client holding this role to every request. */
    static Consumer<HttpRequest.Builder> bearer(String role) {
        String token = stack.token(role, Duration.ofHours(1));
        return request -> request.header("Authorization", "Bearer " + token);
    }
}
