package fr.civmil.health.platform.strict;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The methods each path of this service answers, read from its JAX-RS resources, for the {@code Allow} header of a
 * 405 (RFC 9110 §15.5.6), which Quarkus REST leaves out. GET implies HEAD, and OPTIONS is always allowed.
 */
@Singleton
public class AllowedMethods {

    private record Template(PathTemplate path, Set<String> methods) {
    }

    private final BeanManager beans;
    private volatile List<Template> templates;

    public AllowedMethods(BeanManager beans) {
        this.beans = beans;
    }

    /** The Allow header for this path ("GET, HEAD, OPTIONS"), or null when no resource serves it. */
    public String allow(String path) {
        Template best = null;
        for (Template template : templates()) {
            if (template.path().matches(path) && template.path().moreSpecificThan(best == null ? null : best.path())) {
                best = template;
            }
        }
        return best == null ? null : String.join(", ", best.methods());
    }

    private List<Template> templates() {
        List<Template> known = templates;
        if (known == null) {
            known = read();
            templates = known;
        }
        return known;
    }

    private List<Template> read() {
        java.util.Map<String, Set<String>> byPath = new java.util.TreeMap<>();
        for (Bean<?> bean : beans.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = verb(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = join(root.value(), sub == null ? "" : sub.value());
                Set<String> methods = byPath.computeIfAbsent(template, t -> new TreeSet<>(Comparator.comparingInt(AllowedMethods::rank)
                        .thenComparing(Comparator.naturalOrder())));
                methods.add(verb);
                if (verb.equals("GET")) {
                    methods.add("HEAD");
                }
                methods.add("OPTIONS");
            }
        }
        List<Template> read = new ArrayList<>();
        byPath.forEach((template, methods) -> read.add(new Template(PathTemplate.of(template), methods)));
        return List.copyOf(read);
    }

    private static String verb(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = "/" + root.replaceAll("^/+|/+$", "") + (sub.isEmpty() ? "" : "/" + sub.replaceAll("^/+|/+$", ""));
        return path.equals("/") ? path : path.replaceAll("/+$", "");
    }

    /** Reads first, then writes, as people list them. */
    public static int rank(String method) {
        int rank = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS").indexOf(method);
        return rank < 0 ? 99 : rank;
    }
}
