package fr.civmil.health.devstack;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * What tests use to reach the per-JVM {@link SharedInfrastructure}. Quarkus loads test code in
 * class loaders of its own that it closes on restart; the infrastructure must live in the system
 * class loader instead, so every call goes there by reflection.
 */
public final class TestInfrastructure {

    private TestInfrastructure() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, String> start() {
        return (Map<String, String>) call("start");
    }

    public static String database(String name) {
        return (String) call("database", name);
    }

    /** Whether the broker runs in this JVM, so tests may stop and restart it. */
    public static boolean kafkaIsEmbedded() {
        return (Boolean) call("kafkaIsEmbedded");
    }

    public static void stopKafka() {
        call("stopKafka");
    }

    public static void restartKafka() {
        call("restartKafka");
    }

    /** A bearer token signed by the dev issuer, for a client with one role. */
    public static String token(String subject, String role) {
        return (String) call("token", subject, role, 3600L);
    }

    /** A bearer token for a client with one role acting for a région (claim {@code region}; null: none). */
    public static String token(String subject, String role, String regionCode) {
        return (String) call("token", subject, role, regionCode, 3600L);
    }

    private static Object call(String name, Object... args) {
        try {
            Class<?> shared = Class.forName(SharedInfrastructure.class.getName(), true, ClassLoader.getSystemClassLoader());
            for (Method method : shared.getMethods()) {
                if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                    return method.invoke(null, args);
                }
            }
            throw new NoSuchMethodException(name);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
