package fr.civmil.health.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.security.Caller;
import fr.civmil.health.platform.security.Roles;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.smallrye.openapi.internal.models.media.SchemaSupport;

/**
 * Makes every service's OpenAPI document a contract a generator turns into a working client, so that
 * resources declare only what is particular to them:
 * <ul>
 * <li>the roles of {@code @RolesAllowed} become {@code x-roles} and a sentence of the description (OpenAPI 3.0
 * allows no scopes on a bearer scheme, so they cannot stay in {@code security});</li>
 * <li>the responses every operation can give are declared with their problem types: 401, 403 and 429 (the
 * gateway's quota) everywhere, 400 where there is input, 404 where there is a path parameter, 412 and 428
 * (with {@code If-Match} required) where an update is guarded by an ETag; every error is
 * {@code application/problem+json} with the {@code Problem} schema;</li>
 * <li>the headers of success responses: {@code ETag} where the body is a versioned resource (one that some
 * operation updates under {@code If-Match}), {@code Location} on creations, {@code Idempotency-Replayed}
 * where an {@code Idempotency-Key} is accepted, and the gateway's {@code RateLimit-*} on every answer;</li>
 * <li>generic pages get one name per item type ({@code PriorityZonePage}); request bodies are closed
 * ({@code additionalProperties: false}, as Jackson refuses unknown properties); properties that may be
 * null say so; unused components are removed.</li>
 * </ul>
 * It runs at build time, on the model in which Quarkus has put the roles, and writes the document as
 * OpenAPI 3.0.3, the version generators and validators support best.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ContractFilter implements OASFilter {

    static final String OPENAPI_VERSION = "3.0.3";
    static final String ROLES_EXTENSION = "x-roles";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"(" + Pattern.quote(Problem.TYPE_PREFIX) + "[a-z0-9-]+)\"");

    /** The standard refusals: status → (description, problem type slugs). */
    private record Standard(String description, List<String> slugs) {
    }

    private static final Map<String, Standard> STANDARD = Map.of(
            "400", new Standard("Invalid request: a parameter or the body is malformed or fails validation (each field named in violations)",
                    List.of("validation", "malformed-json", "unknown-property", "bad-request")),
            "401", new Standard("Missing, expired or invalid bearer token", List.of("unauthenticated")),
            "403", new Standard("The token's roles do not allow this operation", List.of("forbidden")),
            "404", new Standard("No such resource", List.of("not-found")),
            "412", new Standard("If-Match does not name the current version: read the resource again", List.of("precondition-failed")),
            "428", new Standard("If-Match is required: send the ETag of your last read", List.of("precondition-required")),
            "415", new Standard("The body is not of a media type the operation accepts", List.of("unsupported-media-type")),
            "422", new Standard("The Idempotency-Key was already used with another request", List.of("idempotency-key-reused")),
            "429", new Standard("The client's quota is exhausted (gateway): retry after Retry-After seconds", List.of("too-many-requests")),
            "503", new Standard("Unavailable for a moment (the service's database is away, or the gateway has no instance of the service to send"
                    + " the request to): retry after Retry-After seconds", List.of("service-unavailable")));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        api.setOpenapi(OPENAPI_VERSION);
        declareHeaders(components);
        nameGenericPages(api);

        Set<String> versioned = versionedSchemas(api);
        forEachOperation(api, (path, method, operation) -> {
            moveRolesToExtension(operation);
            declareStandardResponses(method, operation);
            declareProblemContent(operation);
            declareSuccessHeaders(operation, versioned);
        });

        inlineScalarSchemas(api);
        liftAllOfAnnotations(api);
        closeRequestBodies(api);
        anchorPatterns(api);
        markOptionalPropertiesNullable(components);
        removeUnusedSchemas(api);
    }

    @FunctionalInterface
    interface OperationVisitor {
        void visit(String path, PathItem.HttpMethod method, Operation operation);
    }

    static void forEachOperation(OpenAPI api, OperationVisitor visitor) {
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> visitor.visit(path, method, operation)));
    }

    // --- roles --------------------------------------------------------------------------------------------------

    private static void moveRolesToExtension(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            return;
        }
        Set<String> roles = new TreeSet<>(Roles.ORDER);
        List<SecurityRequirement> withoutScopes = new ArrayList<>();
        for (SecurityRequirement requirement : security) {
            SecurityRequirement bare = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                if (scopes != null) {
                    roles.addAll(scopes);
                }
                bare.addScheme(scheme, List.of());
            });
            withoutScopes.add(bare);
        }
        operation.setSecurity(withoutScopes);
        if (!roles.isEmpty()) {
            operation.addExtension(ROLES_EXTENSION, List.copyOf(roles));
            String sentence = "Roles: " + String.join(", ", roles.stream().map(r -> "`" + r + "`").toList()) + ".";
            operation.setDescription(operation.getDescription() == null ? sentence : operation.getDescription().strip() + "\n\n" + sentence);
        }
    }

    // --- responses ----------------------------------------------------------------------------------------------

    private static void declareStandardResponses(PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            addIfAbsent(responses, "401");
            // Its own 403 (Quarkus puts one shared instance on every secured operation).
            if (regionScoped(operation)) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse().description(STANDARD.get("403").description()
                        + ", or an `ars` token acts outside its région (claim `" + Caller.REGION_CLAIM + "`)"));
            }
            addIfAbsent(responses, "403");
        }
        addIfAbsent(responses, "429");
        addIfAbsent(responses, "503");
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            addIfAbsent(responses, "400");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "415");
        }
        if (idempotent(operation)) {
            addIfAbsent(responses, "422");
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH)) {
            addIfAbsent(responses, "404");
        }
        headerParameter(operation, "If-Match").ifPresent(ifMatch -> {
            ifMatch.setRequired(true);
            if (ifMatch.getDescription() == null) {
                ifMatch.setDescription("The ETag of your last read of the resource");
            }
            addIfAbsent(responses, "412");
            addIfAbsent(responses, "428");
        });
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(STANDARD.get(status).description()));
        }
    }

    private static Optional<Parameter> headerParameter(Operation operation, String name) {
        return operation.getParameters() == null ? Optional.empty() : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName())).findFirst();
    }

    /** An operation whose ARS callers act on their own région only ({@link Caller#mayActOnRegion}). */
    private static boolean regionScoped(Operation operation) {
        return operation.getExtensions() != null && "true".equals(String.valueOf(operation.getExtensions().get(Caller.REGION_SCOPED_EXTENSION)));
    }

    private static boolean idempotent(Operation operation) {
        return headerParameter(operation, "Idempotency-Key").isPresent();
    }

    /** Every error response is a problem; its description lists the problem types it can carry. */
    private static void declareProblemContent(Operation operation) {
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("2") || status.startsWith("3") || response.getRef() != null) {
                return;
            }
            Set<String> types = new LinkedHashSet<>();
            Standard standard = STANDARD.get(status);
            // A 422 is a domain refusal; idempotency-key-reused is one more only where an Idempotency-Key is taken.
            if (standard != null && (!"422".equals(status) || idempotent(operation))) {
                standard.slugs().forEach(slug -> types.add(Problem.TYPE_PREFIX + slug));
            }
            if ("403".equals(status) && regionScoped(operation)) {
                types.add(Problem.TYPE_PREFIX + "outside-region");
            }
            MediaType problem = response.getContent() == null ? null : response.getContent().getMediaType(Problem.MEDIA_TYPE);
            if (problem == null) {
                problem = OASFactory.createMediaType();
            }
            if (problem.getExamples() != null) {
                for (Example example : problem.getExamples().values()) {
                    if (example.getValue() != null) {
                        Matcher matcher = PROBLEM_TYPE.matcher(example.getValue().toString());
                        while (matcher.find()) {
                            types.add(matcher.group(1));
                        }
                    }
                }
            }
            problem.setSchema(OASFactory.createSchema().ref(SCHEMAS + "Problem"));
            response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
            if (response.getDescription() == null) {
                response.setDescription(standard == null ? "Refused" : standard.description());
            }
            if (!types.isEmpty() && !response.getDescription().contains(Problem.TYPE_PREFIX)) {
                response.setDescription(response.getDescription().strip() + ". Problem types: "
                        + String.join(", ", types.stream().map(t -> "`" + t + "`").toList()) + ".");
            }
            if ("429".equals(status) || "503".equals(status)) {
                response.addHeader("Retry-After", OASFactory.createHeader().ref(HEADERS + "Retry-After"));
            }
        });
    }

    private static void declareSuccessHeaders(Operation operation, Set<String> versioned) {
        boolean idempotent = idempotent(operation);
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (response.getRef() != null) {
                return;
            }
            for (String header : List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")) {
                response.addHeader(header, OASFactory.createHeader().ref(HEADERS + header));
            }
            if (!status.startsWith("2")) {
                return;
            }
            String schema = schemaName(response);
            boolean resource = schema != null && versioned.contains(schema);
            if (resource) {
                response.addHeader("ETag", OASFactory.createHeader().ref(HEADERS + "ETag"));
            }
            if ("201".equals(status)) {
                response.addHeader("Location", OASFactory.createHeader().ref(HEADERS + "Location"));
            }
            if (idempotent && "201".equals(status)) {
                response.addHeader("Idempotency-Replayed", OASFactory.createHeader().ref(HEADERS + "Idempotency-Replayed"));
            }
        });
    }

    /** The schemas of resources some operation updates under If-Match: whoever returns one returns its ETag. */
    private static Set<String> versionedSchemas(OpenAPI api) {
        Set<String> versioned = new TreeSet<>();
        forEachOperation(api, (path, method, operation) -> {
            if (headerParameter(operation, "If-Match").isPresent() && operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2") && schemaName(response) != null) {
                        versioned.add(schemaName(response));
                    }
                });
            }
        });
        return versioned;
    }

    private static String schemaName(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return null;
        }
        for (MediaType media : response.getContent().getMediaTypes().values()) {
            if (media.getSchema() != null && media.getSchema().getRef() != null && media.getSchema().getRef().startsWith(SCHEMAS)) {
                return media.getSchema().getRef().substring(SCHEMAS.length());
            }
        }
        return null;
    }

    private static void declareHeaders(Components components) {
        components.addHeader("ETag", header("The version of the resource, to send back in If-Match to update it", "\"3\""));
        components.addHeader("Location", header("The URL of the created resource", "/api/v1/priority-zones/0b6b2c4e-5a3c-4c5e-9d3a-2f1f7c1e8a10"));
        components.addHeader("Idempotency-Replayed", OASFactory.createHeader()
                .description("true when this answer replays the creation first made with the same Idempotency-Key")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.BOOLEAN)));
        components.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before trying again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)));
        components.addHeader("RateLimit-Limit", integerHeader("Requests allowed per window to this client (set by the gateway)"));
        components.addHeader("RateLimit-Remaining", integerHeader("Requests left in the current window (set by the gateway)"));
        components.addHeader("RateLimit-Reset", integerHeader("Seconds until the window resets (set by the gateway)"));
    }

    private static Header header(String description, String example) {
        return OASFactory.createHeader().description(description).example(example)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }

    private static Header integerHeader(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO));
    }

    // --- schemas ------------------------------------------------------------------------------------------------

    /** {@code Page<ZoneView>} is written as a schema per item type, named after the item schema: PriorityZonePage. */
    private static void nameGenericPages(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, String> renames = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            Map<String, Schema> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
            Schema items = properties.get("items");
            boolean page = name.startsWith("Page") && properties.containsKey("totalPages");
            if (page && items != null && items.getItems() != null && items.getItems().getRef() != null) {
                renames.put(name, items.getItems().getRef().substring(SCHEMAS.length()) + "Page");
            }
        });
        renames.forEach((from, to) -> {
            Schema schema = schemas.get(from);
            api.getComponents().removeSchema(from);
            schema.setDescription("A page of " + to.substring(0, to.length() - 4) + " and the total count");
            api.getComponents().addSchema(to, schema);
        });
        forEachSchema(api, schema -> {
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                String target = renames.get(schema.getRef().substring(SCHEMAS.length()));
                if (target != null) {
                    schema.setRef(SCHEMAS + target);
                }
            }
        });
    }

    /** Jackson refuses unknown properties in every body it reads, so request schemas say so. */
    private static void closeRequestBodies(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        forEachOperation(api, (path, method, operation) -> {
            if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
                return;
            }
            MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
            if (json != null && json.getSchema() != null) {
                walk(json.getSchema(), schemas, seen, schema -> {
                    if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                        schema.setAdditionalPropertiesBoolean(Boolean.FALSE);
                    }
                });
            }
        });
    }

    /**
     * UUID, LocalDate, Instant, YearMonth… are strings with a format or a pattern: written in place rather than as
     * components, so that a property can say it is nullable without an allOf around a reference.
     */
    private static void inlineScalarSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Map<String, Schema> scalars = new LinkedHashMap<>();
        schemas.forEach((name, schema) -> {
            List<Schema.SchemaType> type = schema.getType();
            if (type != null && !type.contains(Schema.SchemaType.OBJECT) && !type.contains(Schema.SchemaType.ARRAY) && schema.getEnumeration() == null) {
                scalars.put(SCHEMAS + name, schema);
            }
        });
        Consumer<Schema> inline = schema -> {
            Schema target = schema.getRef() == null ? null : scalars.get(schema.getRef());
            if (target != null) {
                schema.setRef(null);
                schema.setType(new ArrayList<>(target.getType()));
                schema.setFormat(target.getFormat());
                schema.setPattern(target.getPattern());
                schema.setMinLength(target.getMinLength());
                schema.setMaxLength(target.getMaxLength());
                if (schema.getDescription() == null) {
                    schema.setDescription(target.getDescription());
                }
                if (schema.getExample() == null) {
                    schema.setExample(target.getExample());
                }
            }
        };
        forEachSchema(api, inline);
    }

    /**
     * A defaulted enum parameter comes as {@code allOf: [{$ref}, {default}]}: the default belongs to the parameter's
     * schema itself (and an allOf of one reference reads the same in every tool, whatever the order it is read in).
     */
    private static void liftAllOfAnnotations(OpenAPI api) {
        forEachSchema(api, schema -> {
            if (schema.getAllOf() == null || schema.getAllOf().size() < 2) {
                return;
            }
            for (Schema part : new ArrayList<>(schema.getAllOf())) {
                boolean annotationOnly = part.getRef() == null && part.getType() == null && part.getProperties() == null
                        && part.getAllOf() == null && part.getEnumeration() == null && part.getPattern() == null;
                if (annotationOnly) {
                    if (schema.getDefaultValue() == null) {
                        schema.setDefaultValue(part.getDefaultValue());
                    }
                    if (schema.getDescription() == null) {
                        schema.setDescription(part.getDescription());
                    }
                    if (schema.getExample() == null) {
                        schema.setExample(part.getExample());
                    }
                    schema.removeAllOf(part);
                }
            }
        });
    }

    /** Bean Validation's {@code @Pattern} matches the whole value; an OpenAPI pattern matches anywhere unless anchored. */
    private static void anchorPatterns(OpenAPI api) {
        forEachSchema(api, schema -> {
            String pattern = schema.getPattern();
            // SmallRye writes @NotBlank as the search pattern \S (a non-blank character somewhere): left as it is.
            if (pattern != null && !pattern.equals("\\S") && !(pattern.startsWith("^") && pattern.endsWith("$"))) {
                schema.setPattern("^(?:" + pattern + ")$");
            }
        });
    }

    /** Properties that are not required may be written as null (Jackson writes nulls). */
    private static void markOptionalPropertiesNullable(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
            for (Map.Entry<String, Schema> property : new ArrayList<>(schema.getProperties().entrySet())) {
                if (required.contains(property.getKey())) {
                    continue;
                }
                Schema value = property.getValue();
                if (value.getRef() != null) {
                    // A $ref admits no sibling in OpenAPI 3.0: the nullable reference is an allOf of one, typed like its
                    // target (SmallRye writes an untyped nullable schema as "enum: [null]").
                    Schema wrapper = OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref(value.getRef()));
                    wrapper.setDescription(value.getDescription());
                    wrapper.setType(typeOf(components, value.getRef()));
                    value = wrapper;
                    schema.addProperty(property.getKey(), value);
                } else if (value.getType() == null && value.getAllOf() != null && value.getAllOf().size() == 1 && value.getAllOf().get(0).getRef() != null) {
                    value.setType(typeOf(components, value.getAllOf().get(0).getRef()));
                }
                if (value.getType() == null) {
                    continue;
                }
                // SmallRye writes this as "nullable: true" in a 3.0 document.
                SchemaSupport.setNullable(value, Boolean.TRUE);
            }
        }
    }

    /** The type of the schema a reference names (object when it has none). */
    private static List<Schema.SchemaType> typeOf(Components components, String ref) {
        Schema target = components.getSchemas().get(ref.substring(SCHEMAS.length()));
        return target == null || target.getType() == null ? List.of(Schema.SchemaType.OBJECT) : new ArrayList<>(target.getType());
    }

    private static void removeUnusedSchemas(OpenAPI api) {
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> used = new TreeSet<>();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Consumer<Schema> collect = schema -> {
            if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
                used.add(schema.getRef().substring(SCHEMAS.length()));
            }
        };
        forEachOperationSchema(api, root -> walk(root, schemas, seen, collect));
        new ArrayList<>(schemas.keySet()).stream().filter(name -> !used.contains(name)).forEach(api.getComponents()::removeSchema);
    }

    /** Every schema node of the document: components and operations, depth first. */
    private static void forEachSchema(OpenAPI api, Consumer<Schema> visitor) {
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(schema -> walk(schema, null, seen, visitor));
        }
        forEachOperationSchema(api, schema -> walk(schema, null, seen, visitor));
    }

    private static void forEachOperationSchema(OpenAPI api, Consumer<Schema> visitor) {
        forEachOperation(api, (path, method, operation) -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().map(Parameter::getSchema).filter(s -> s != null).forEach(visitor);
            }
            if (operation.getRequestBody() != null) {
                contentSchemas(operation.getRequestBody().getContent()).forEach(visitor);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().getAPIResponses().values().forEach(r -> contentSchemas(r.getContent()).forEach(visitor));
            }
        });
    }

    private static List<Schema> contentSchemas(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return List.of();
        }
        return content.getMediaTypes().values().stream().map(MediaType::getSchema).filter(s -> s != null).toList();
    }

    /** Visits a schema and everything below it; with {@code components}, follows references into them. */
    private static void walk(Schema schema, Map<String, Schema> components, Set<Schema> seen, Consumer<Schema> visitor) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        visitor.accept(schema);
        if (components != null && schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            walk(components.get(schema.getRef().substring(SCHEMAS.length())), components, seen, visitor);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> walk(s, components, seen, visitor));
        }
        walk(schema.getItems(), components, seen, visitor);
        walk(schema.getAdditionalPropertiesSchema(), components, seen, visitor);
        for (List<Schema> group : new List[] { schema.getAllOf(), schema.getAnyOf(), schema.getOneOf() }) {
            if (group != null) {
                group.forEach(s -> walk(s, components, seen, visitor));
            }
        }
    }
}
