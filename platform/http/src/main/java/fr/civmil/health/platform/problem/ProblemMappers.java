package fr.civmil.health.platform.problem;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import fr.civmil.health.platform.domain.DomainException;
import fr.civmil.health.platform.params.QueryParamConverters;
import fr.civmil.health.platform.strict.AllowedMethods;
import fr.civmil.health.platform.strict.Text;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every failure into RFC 9457 problem+json. Nothing internal (stack trace, SQL, class name)
 * reaches the client: unexpected errors get an error id that is logged with the cause.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem problem, UriInfo uri, HttpHeaders headers) {
        return toResponse(problem, uri, headers);
    }

    @ServerExceptionMapper
    public Response domainRefusal(DomainException refusal, UriInfo uri, HttpHeaders headers) {
        return toResponse(ApiProblem.of(refusal), uri, headers);
    }

    /** The problem+json answer for a problem raised anywhere (other modules' mappers use it too), in the reader's language. */
    public static Response toResponse(ApiProblem problem, UriInfo uri, HttpHeaders headers) {
        Locale locale = locale(headers);
        Response.ResponseBuilder response = respond(problem.status(), problem.slug(), problem.title(locale), problem.detail(locale),
                uri, problem.violations(locale));
        problem.headers().forEach(response::header);
        return response.build();
    }

    /** The language of the texts for this request's reader (see {@link ProblemTexts#negotiate}). */
    public static Locale locale(HttpHeaders headers) {
        return headers == null ? Locale.ENGLISH : ProblemTexts.negotiate(headers.getAcceptableLanguages());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uri, HttpHeaders headers) {
        boolean returnValue = exception.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(exception, uri, headers);
        }
        // Bean Validation has already written each message in the request's language (quarkus.locales).
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        Locale locale = locale(headers);
        String detail = violations.size() == 1
                ? ProblemTexts.text(locale, "validation.one", violations.get(0).field(), violations.get(0).message())
                : ProblemTexts.text(locale, "validation.many", violations.size());
        return respond(400, "validation", ProblemTexts.title(locale, 400, "validation"), detail, uri, violations).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException exception, UriInfo uri, HttpHeaders headers) {
        return jsonProblem(exception, uri, locale(headers));
    }

    // Quarkus ships its own mappers for these two: ours must be as specific to win.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uri, HttpHeaders headers) {
        return jsonProblem(exception, uri, locale(headers));
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException exception, UriInfo uri, HttpHeaders headers) {
        return jsonProblem(exception, uri, locale(headers));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, locale(headers));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, UriInfo uri, HttpHeaders headers) {
        return unauthenticated(uri, locale(headers));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri, HttpHeaders headers) {
        return simple(403, "forbidden", locale(headers), uri);
    }

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri, HttpHeaders headers) {
        Throwable cause = exception.getCause();
        Locale locale = locale(headers);
        if (cause instanceof JsonProcessingException json) {
            return jsonProblem(json, uri, locale);
        }
        if (cause instanceof ApiProblem problem) {
            return toResponse(problem, uri, headers); // raised while converting a parameter
        }
        int status = exception.getResponse().getStatus();
        return switch (status) {
            case 400 -> simple(400, cause == null ? "bad-request" : "bad-request.unreadable", locale, uri);
            case 401 -> unauthenticated(uri, locale);
            case 403 -> simple(403, "forbidden", locale, uri);
            case 404 -> respond(404, "not-found", ProblemTexts.title(locale, 404, "not-found"),
                    ProblemTexts.text(locale, "not-found.path", uri.getPath()), uri, null).build();
            case 405 -> notAllowed(exception, uri, locale);
            case 406 -> simple(406, "not-acceptable", locale, uri);
            case 415 -> simple(415, "unsupported-media-type", locale, uri);
            default -> status >= 500 ? unexpected(exception, uri, headers)
                    : respond(status, "http-" + status, ProblemTexts.title(locale, status, "http-" + status),
                            ProblemTexts.text(locale, "http"), uri, null).build();
        };
    }

    /** A problem whose text takes no argument. */
    private static Response simple(int status, String key, Locale locale, UriInfo uri) {
        String slug = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        return respond(status, slug, ProblemTexts.title(locale, status, slug), ProblemTexts.text(locale, key), uri, null).build();
    }

    /** 405 with the {@code Allow} header (RFC 9110 §15.5.6). */
    private Response notAllowed(WebApplicationException exception, UriInfo uri, Locale locale) {
        String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null) {
            allow = allowedMethods.allow(uri.getPath());
        }
        Response.ResponseBuilder response = respond(405, "method-not-allowed", ProblemTexts.title(locale, 405, "method-not-allowed"),
                allow == null ? ProblemTexts.text(locale, "method-not-allowed", uri.getPath())
                        : ProblemTexts.text(locale, "method-not-allowed.allow", uri.getPath(), allow), uri, null);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable exception, UriInfo uri, HttpHeaders headers) {
        SQLException unreachable = DatabaseUnreachable.causeOf(exception);
        if (unreachable != null) {
            // Not a bug: the database is restarting or away. The caller may retry; the gateway's circuit counts a 503.
            LOG.warnf("Database unreachable on %s: %s", uri == null ? "?" : uri.getPath(), unreachable.getMessage());
            Locale locale = locale(headers);
            return respond(503, "service-unavailable", ProblemTexts.title(locale, 503, "service-unavailable"),
                    ProblemTexts.text(locale, "service-unavailable.database"), uri, null).header("Retry-After", "1").build();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        Locale locale = locale(headers);
        Problem problem = new Problem(Problem.TYPE_PREFIX + "internal", ProblemTexts.title(locale, 500, "internal"), 500,
                ProblemTexts.text(locale, "internal", errorId), uri == null ? null : uri.getPath(), errorId, null);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response jsonProblem(JsonProcessingException exception, UriInfo uri, Locale locale) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return respond(400, "unknown-property", ProblemTexts.title(locale, 400, "unknown-property"),
                    ProblemTexts.text(locale, "unknown-property", field), uri,
                    List.of(new Problem.Violation(field, ProblemTexts.text(locale, "field.unknown-property")))).build();
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String field = jsonPath(mismatch);
            if (!field.isEmpty()) {
                ApiProblem.FieldError error = mismatch instanceof Text.Refused refused ? refused.error(field) : expected(field, mismatch.getTargetType());
                String message = error.in(locale).message();
                return respond(400, "validation", ProblemTexts.title(locale, 400, "validation"),
                        ProblemTexts.text(locale, "validation.one", field, message), uri, List.of(new Problem.Violation(field, message))).build();
            }
        }
        return simple(400, "malformed-json", locale, uri);
    }

    /** What a field of this type accepts, in the words of its schema (never the value received). */
    public static ApiProblem.FieldError expected(String field, Class<?> type) {
        if (type != null && type.isEnum()) {
            return new ApiProblem.FieldError(field, "field.one-of",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        return new ApiProblem.FieldError(field, "field.expected." + kind(type));
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "other";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class) {
            return "integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == YearMonth.class) {
            return "month";
        }
        if (type == UUID.class) {
            return "uuid";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "instant";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        return "object";
    }

    private static Response unauthenticated(UriInfo uri, Locale locale) {
        return respond(401, "unauthenticated", ProblemTexts.title(locale, 401, "unauthenticated"),
                ProblemTexts.text(locale, "unauthenticated"), uri, null)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"civmil-health\"")
                .build();
    }

    static Response.ResponseBuilder respond(int status, String slug, String title, String detail, UriInfo uri,
            List<Problem.Violation> violations) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, uri == null ? null : uri.getPath(), null,
                violations == null || violations.isEmpty() ? null : violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String jsonPath(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : exception.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static List<ElementKind> kinds(Path path) {
        List<ElementKind> kinds = new ArrayList<>();
        path.forEach(node -> kinds.add(node.getKind()));
        return kinds;
    }

    /** The client's name for the field: the JSON path in the body, or the parameter name. */
    static String field(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.PARAMETER && i < nodes.size() - 1) {
                continue; // the body parameter: its fields are what the client named
            }
            if (node.getName() == null || node.getName().startsWith("<")) {
                if (node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && field.length() > 0) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (field.length() > 0) {
                field.append('.');
            }
            field.append(kind == ElementKind.PARAMETER ? httpName(violation, nodes, node) : node.getName());
        }
        return field.length() == 0 ? "body" : field.toString();
    }

    /** A method parameter's name on the wire ({@code @QueryParam("doctorRpps") String rpps} is "doctorRpps"). */
    private static String httpName(ConstraintViolation<?> violation, List<Path.Node> nodes, Path.Node node) {
        Path.MethodNode method = nodes.stream().filter(n -> n.getKind() == ElementKind.METHOD).map(n -> n.as(Path.MethodNode.class))
                .findFirst().orElse(null);
        if (method == null || violation.getRootBeanClass() == null) {
            return node.getName();
        }
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                Method declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
                String name = QueryParamConverters.httpName(declared.getParameterAnnotations()[index]);
                if (name != null) {
                    return name;
                }
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
            // else an interceptor subclass's override, which carries no annotation: its parent declares the method
        }
        return node.getName();
    }
}
