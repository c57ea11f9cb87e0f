package fr.civmil.health.devstack.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every rest-assured call of every {@code @QuarkusTest} is checked against the OpenAPI document the application
 * under test serves ({@code /q/openapi}), so that code and contract cannot drift apart unnoticed:
 * <ul>
 * <li>every response: its status is documented for the operation, and its body and headers match the schema;</li>
 * <li>the request, when the service accepted it (2xx): a request the contract calls invalid must not succeed.</li>
 * </ul>
 * Refused requests are not checked against the contract (tests send invalid input on purpose), nor are calls
 * to paths the document does not describe ({@code /q/health}, test-only routes). Registered for every Quarkus
 * test through the {@link QuarkusTestBeforeEachCallback} service loader; {@code -Dcivmil.contract-validation=false}
 * turns it off.
 */
public final class ContractValidation implements QuarkusTestBeforeEachCallback, Filter {

    /** Statuses of the HTTP layer itself, answered before any operation is chosen. */
    private static final Set<Integer> PROTOCOL_STATUSES = Set.of(405, 406);
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!Boolean.parseBoolean(System.getProperty("civmil.contract-validation", "true"))) {
            return;
        }
        if (RestAssured.filters().stream().noneMatch(ContractValidation.class::isInstance)) {
            RestAssured.filters(new ContractValidation());
        }
    }

    private static final Set<String> VALIDATED_METHODS = java.util.Arrays.stream(com.atlassian.oai.validator.model.Request.Method.values())
            .map(Enum::name).collect(Collectors.toSet());

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
        Response answer = context.next(request, response);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/") || !VALIDATED_METHODS.contains(request.getMethod())) {
            return answer; // QUERY and other methods outside OpenAPI 3.0 have no operation to check against
        }
        String origin = uri.getScheme() + "://" + uri.getAuthority();
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(origin, ContractValidation::validatorFor);
        ValidationReport report = validator.validate(RestAssuredRequest.of(request), RestAssuredResponse.of(answer));
        boolean accepted = answer.statusCode() / 100 == 2;
        List<String> errors = report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !m.getKey().startsWith("validation.request.path.missing"))
                // rest-assured adds oauth2() tokens after the filters run; RoleMatrixTest checks security instead.
                .filter(m -> !m.getKey().startsWith("validation.request.security"))
                .filter(m -> accepted || !m.getKey().startsWith("validation.request"))
                .filter(m -> !(m.getKey().equals("validation.response.status.unknown") && PROTOCOL_STATUSES.contains(answer.statusCode())))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .toList();
        if (!errors.isEmpty()) {
            throw new AssertionError("The exchange breaks the OpenAPI contract: " + request.getMethod() + " " + uri + " → "
                    + answer.statusCode() + "\n  " + errors.stream().collect(Collectors.joining("\n  ")) + "\n  response body: "
                    + abbreviate(answer.asString()));
        }
        return answer;
    }

    private static OpenApiInteractionValidator validatorFor(String origin) {
        try {
            HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200) {
                throw new IllegalStateException("GET /q/openapi answered " + document.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(expandNullableReferences(document.body())).build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the OpenAPI document of " + origin, e);
        }
    }

    /**
     * A nullable reference is written {@code {nullable: true, allOf: [{$ref}]}}, which generators read as "the
     * referenced type, or null"; the validator applies JSON Schema, where null fails the allOf. The validator gets
     * the reference expanded in place, with null added to an enumeration (as OpenAPI 3.0.3 asks).
     */
    static String expandNullableReferences(String document) throws java.io.IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(document);
        JsonNode schemas = root.path("components").path("schemas");
        expand(root, schemas);
        return JSON.writeValueAsString(root);
    }

    private static void expand(JsonNode node, JsonNode schemas) {
        if (node instanceof ObjectNode object) {
            JsonNode allOf = object.get("allOf");
            if (object.path("nullable").asBoolean() && allOf != null && allOf.size() == 1 && allOf.get(0).has("$ref")) {
                String name = allOf.get(0).get("$ref").asText().substring("#/components/schemas/".length());
                JsonNode target = schemas.get(name);
                object.remove("allOf");
                target.fields().forEachRemaining(field -> {
                    if (!object.has(field.getKey())) {
                        object.set(field.getKey(), field.getValue().deepCopy());
                    }
                });
                if (object.get("enum") instanceof ArrayNode values) {
                    values.addNull();
                }
            }
        }
        node.forEach(child -> expand(child, schemas));
    }

    private static String abbreviate(String body) {
        return body.length() <= 600 ? body : body.substring(0, 600) + "…";
    }
}
