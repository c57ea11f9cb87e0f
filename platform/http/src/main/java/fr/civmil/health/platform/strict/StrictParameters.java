package fr.civmil.health.platform.strict;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
        List<ApiProblem.FieldError> violations = new ArrayList<>();
        for (Map.Entry<String, List<String>> entry : query.entrySet()) {
            ApiProblem.FieldError refusal = refusal(parameters, entry.getKey(), entry.getValue());
            if (refusal != null) {
                violations.add(refusal);
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(ApiProblem.FieldError::field));
            throw ApiProblem.badRequest(violations);
        }
    }

    private static ApiProblem.FieldError refusal(Map<String, Boolean> parameters, String name, List<String> values) {
        Boolean multiValued = parameters.get(name);
        if (multiValued == null) {
            return parameters.isEmpty() ? new ApiProblem.FieldError(name, "param.undeclared")
                    : new ApiProblem.FieldError(name, "param.undeclared.list", String.join(", ", parameters.keySet().stream().sorted().toList()));
        }
        if (!multiValued && values.size() > 1) {
            return new ApiProblem.FieldError(name, "param.repeated");
        }
        for (String value : values) {
            if (value.isEmpty()) {
                return new ApiProblem.FieldError(name, "param.empty");
            }
            String refusal = Text.refusal(value, false);
            if (refusal != null) {
                return new ApiProblem.FieldError(name, refusal);
            }
        }
        return null;
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
