package fr.civmil.health.platform.strict;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import fr.civmil.health.platform.problem.ApiProblem;

/**
 * The query string as strictly as the body: a parameter the operation does not declare, a single-valued one given
 * twice, an empty value or a control character is a 400 problem naming the parameter, before anything runs. An
 * empty {@code ?status=} is not read as "no filter": a client that means none leaves the parameter out.
 */
public class StrictParameters {

    /** Declared query parameters of each resource method: name to whether it takes several values. */
    private final Map<Method, Map<String, Boolean>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void check(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Map<String, List<String>> query = uri.getQueryParameters();
        if (query.isEmpty()) {
            return;
        }
        Map<String, Boolean> parameters = declared.computeIfAbsent(method, StrictParameters::queryParameters);
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            String name = entry.getKey();
            Boolean multiValued = parameters.get(name);
            if (multiValued == null) {
                throw ApiProblem.invalidField(name, "is not a parameter of this operation"
                        + (parameters.isEmpty() ? "" : "; its parameters are " + String.join(", ", parameters.keySet().stream().sorted().toList())));
            }
            if (!multiValued && entry.getValue().size() > 1) {
                throw ApiProblem.invalidField(name, "must be given once");
            }
            for (String value : entry.getValue()) {
                if (value.isEmpty()) {
                    throw ApiProblem.invalidField(name, "must not be empty; leave the parameter out instead");
                }
                String refusal = Text.refusal(value, false);
                if (refusal != null) {
                    throw ApiProblem.invalidField(name, refusal);
                }
            }
        }
    }

    private static Map<String, Boolean> queryParameters(Method method) {
        Map<String, Boolean> names = new HashMap<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.put(query.value(), Collection.class.isAssignableFrom(parameter.getType()));
            } else if (parameter.isAnnotationPresent(BeanParam.class)) {
                beanParameters(parameter.getType(), names);
            }
        }
        return Map.copyOf(names);
    }

    private static void beanParameters(Class<?> type, Map<String, Boolean> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.put(query.value(), Collection.class.isAssignableFrom(field.getType()));
                } else if (field.isAnnotationPresent(BeanParam.class)) {
                    beanParameters(field.getType(), names);
                }
            }
        }
    }
}
