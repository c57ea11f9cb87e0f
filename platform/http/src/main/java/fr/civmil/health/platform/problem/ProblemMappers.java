package fr.civmil.health.platform.problem;

import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
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
    public Response apiProblem(ApiProblem problem, UriInfo uri) {
        return toResponse(problem, uri);
    }

    /** The problem+json answer for a problem raised anywhere (other modules' mappers use it too). */
    public static Response toResponse(ApiProblem problem, UriInfo uri) {
        Response.ResponseBuilder response = respond(problem.status(), problem.slug(), problem.title(), problem.getMessage(),
                uri, problem.violations());
        problem.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException exception, UriInfo uri) {
        boolean returnValue = exception.getConstraintViolations().stream()
                .anyMatch(v -> kinds(v.getPropertyPath()).contains(ElementKind.RETURN_VALUE));
        if (returnValue) {
            return unexpected(exception, uri);
        }
        List<Problem.Violation> violations = exception.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return respond(400, "validation", "Invalid request", detail, uri, violations).build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException exception, UriInfo uri) {
        return jsonProblem(exception, uri);
    }

    // Quarkus ships its own mappers for these two: ours must be as specific to win.
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException exception, UriInfo uri) {
        return jsonProblem(exception, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException exception, UriInfo uri) {
        return jsonProblem(exception, uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException exception, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException exception, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception, UriInfo uri) {
        return respond(403, "forbidden", "Forbidden", "Your role does not allow this operation", uri, null).build();
    }

    private final AllowedMethods allowedMethods;

    public ProblemMappers(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception, UriInfo uri) {
        Throwable cause = exception.getCause();
        if (cause instanceof JsonProcessingException json) {
            return jsonProblem(json, uri);
        }
        if (cause instanceof ApiProblem problem) {
            return apiProblem(problem, uri); // raised while converting a parameter
        }
        int status = exception.getResponse().getStatus();
        return switch (status) {
            case 400 -> respond(400, "bad-request", "Invalid request",
                    cause == null ? "The request is not valid" : "The request body or a parameter could not be read", uri, null).build();
            case 401 -> unauthenticated(uri);
            case 403 -> respond(403, "forbidden", "Forbidden", "Your role does not allow this operation", uri, null).build();
            case 404 -> respond(404, "not-found", "Not found", "No resource at " + uri.getPath(), uri, null).build();
            case 405 -> notAllowed(exception, uri);
            case 406 -> respond(406, "not-acceptable", "Not acceptable",
                    "This resource cannot produce the media type asked for in Accept", uri, null).build();
            case 415 -> respond(415, "unsupported-media-type", "Unsupported media type",
                    "This resource does not accept the request's Content-Type", uri, null).build();
            default -> status >= 500 ? unexpected(exception, uri)
                    : respond(status, "http-" + status, Response.Status.fromStatusCode(status) == null ? "Error"
                            : Response.Status.fromStatusCode(status).getReasonPhrase(), "The request could not be processed", uri, null).build();
        };
    }

    /** 405 with the {@code Allow} header (RFC 9110 §15.5.6). */
    private Response notAllowed(WebApplicationException exception, UriInfo uri) {
        String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null) {
            allow = allowedMethods.allow(uri.getPath());
        }
        Response.ResponseBuilder response = respond(405, "method-not-allowed", "Method not allowed",
                "This method is not allowed on " + uri.getPath() + (allow == null ? "" : "; allowed: " + allow), uri, null);
        if (allow != null) {
            response.header(HttpHeaders.ALLOW, allow);
        }
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable exception, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(exception, "Unexpected error %s on %s", errorId, uri == null ? "?" : uri.getPath());
        Problem problem = new Problem(Problem.TYPE_PREFIX + "internal", "Internal error", 500,
                "An unexpected error occurred; quote error id " + errorId + " to the operators",
                uri == null ? null : uri.getPath(), errorId, null);
        return Response.status(500).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response jsonProblem(JsonProcessingException exception, UriInfo uri) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String field = jsonPath(unknown);
            return respond(400, "unknown-property", "Invalid request", "Unknown property '" + field + "'", uri,
                    List.of(new Problem.Violation(field, "is not a known property"))).build();
        }
        if (exception instanceof MismatchedInputException mismatch) {
            String field = jsonPath(mismatch);
            if (!field.isEmpty()) {
                String message = mismatch instanceof Text.Refused refused ? refused.getOriginalMessage() : expected(mismatch.getTargetType());
                return respond(400, "validation", "Invalid request", field + ": " + message, uri,
                        List.of(new Problem.Violation(field, message))).build();
            }
        }
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not well-formed JSON of the expected shape",
                uri, null).build();
    }

    /** What a field of this type accepts, in the words of its schema (never the value received). */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type or format";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (type == LocalDate.class) {
            return "must be an ISO-8601 date (YYYY-MM-DD)";
        }
        if (type == YearMonth.class) {
            return "must be a month (YYYY-MM)";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "must be an ISO-8601 instant with its offset";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }

    private static Response unauthenticated(UriInfo uri) {
        return respond(401, "unauthenticated", "Unauthenticated",
                "A valid bearer token is required (Authorization: Bearer <JWT>)", uri, null)
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
