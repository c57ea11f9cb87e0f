package fr.civmil.health.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

/** What the filter makes of a small document, as a generator would read it. */
class ContractFilterTest {

    private static final String SCHEMAS = "#/components/schemas/";

    private static OpenAPI document() {
        Schema uuid = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid");
        Schema thing = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("id", OASFactory.createSchema().ref(SCHEMAS + "UUID"))
                .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING).pattern("[a-z]+"))
                .addProperty("kind", OASFactory.createSchema().ref(SCHEMAS + "Kind"));
        Schema kind = OASFactory.createSchema().addType(Schema.SchemaType.STRING).enumeration(List.of("A", "B"));
        Schema page = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("items", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().ref(SCHEMAS + "Thing")))
                .addProperty("totalPages", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .required(List.of("items", "totalPages"));
        Schema unused = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);

        Operation list = OASFactory.createOperation().operationId("listThings")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", List.of("admin", "ars", "ssa")))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("A page")
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "PageThing"))))));
        Operation update = OASFactory.createOperation().operationId("updateThing")
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("bearer", List.of("ars")))
                .addExtension("x-region-scoped", true)
                .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH).required(true).schema(OASFactory.createSchema().ref(SCHEMAS + "UUID")))
                .addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER).schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .requestBody(OASFactory.createRequestBody().content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "Thing")))))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("Updated")
                        .content(OASFactory.createContent().addMediaType("application/json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + "Thing"))))));

        return OASFactory.createOpenAPI().openapi("3.1.0")
                .components(OASFactory.createComponents().addSchema("UUID", uuid).addSchema("Thing", thing).addSchema("Kind", kind)
                        .addSchema("PageThing", page).addSchema("Unused", unused))
                .paths(OASFactory.createPaths()
                        .addPathItem("/things", OASFactory.createPathItem().GET(list))
                        .addPathItem("/things/{id}", OASFactory.createPathItem().PUT(update)));
    }

    private static OpenAPI filtered() {
        OpenAPI api = document();
        new ContractFilter().filterOpenAPI(api);
        return api;
    }

    @Test
    void rolesMoveFromTheScopesToXRolesInTheDocumentationOrder() {
        Operation list = filtered().getPaths().getPathItem("/things").getGET();
        assertEquals(List.of("ars", "ssa", "admin"), list.getExtensions().get("x-roles"));
        assertEquals(List.of(), list.getSecurity().get(0).getScheme("bearer"));
        assertTrue(list.getDescription().endsWith("Roles: `ars`, `ssa`, `admin`."), list.getDescription());
    }

    @Test
    void standardRefusalsAreDeclaredAsProblemsWithTheirTypes() {
        Operation update = filtered().getPaths().getPathItem("/things/{id}").getPUT();
        for (String status : List.of("400", "401", "403", "404", "412", "415", "428", "429", "503")) {
            var response = update.getResponses().getAPIResponse(status);
            assertNotNull(response, status);
            assertEquals(SCHEMAS + "Problem", response.getContent().getMediaType("application/problem+json").getSchema().getRef());
        }
        assertTrue(update.getResponses().getAPIResponse("412").getDescription().contains("urn:civmil:problem:precondition-failed"));
        assertNotNull(update.getResponses().getAPIResponse("503").getHeaders().get("Retry-After"));
        assertTrue(update.getParameters().stream().filter(p -> p.getName().equals("If-Match")).findFirst().orElseThrow().getRequired());
        assertNull(filtered().getPaths().getPathItem("/things").getGET().getResponses().getAPIResponse("404"), "no path parameter, no 404");
    }

    @Test
    void aRegionScopedOperationHasItsOwn403ListingOutsideRegion() {
        OpenAPI api = filtered();
        String scoped = api.getPaths().getPathItem("/things/{id}").getPUT().getResponses().getAPIResponse("403").getDescription();
        String plain = api.getPaths().getPathItem("/things").getGET().getResponses().getAPIResponse("403").getDescription();
        assertTrue(scoped.contains("urn:civmil:problem:outside-region") && scoped.contains("urn:civmil:problem:forbidden"), scoped);
        assertFalse(plain.contains("outside-region"), plain);
    }

    @Test
    void aResourceUpdatedUnderIfMatchCarriesItsEtag() {
        OpenAPI api = filtered();
        assertNotNull(api.getPaths().getPathItem("/things/{id}").getPUT().getResponses().getAPIResponse("200").getHeaders().get("ETag"));
        assertNull(api.getPaths().getPathItem("/things").getGET().getResponses().getAPIResponse("200").getHeaders().get("ETag"));
        assertNotNull(api.getPaths().getPathItem("/things").getGET().getResponses().getAPIResponse("200").getHeaders().get("RateLimit-Remaining"));
    }

    @Test
    void schemasSayWhatTheWireCarries() {
        OpenAPI api = filtered();
        var schemas = api.getComponents().getSchemas();
        assertTrue(schemas.containsKey("ThingPage"), "pages are named after their items: " + schemas.keySet());
        assertFalse(schemas.containsKey("PageThing"));
        assertEquals(SCHEMAS + "ThingPage", api.getPaths().getPathItem("/things").getGET().getResponses().getAPIResponse("200")
                .getContent().getMediaType("application/json").getSchema().getRef());
        assertFalse(schemas.containsKey("Unused"), "unused components are removed");
        assertFalse(schemas.containsKey("UUID"), "scalar components are written in place");

        Schema thing = schemas.get("Thing");
        assertEquals(Boolean.FALSE, thing.getAdditionalPropertiesBoolean(), "request bodies are closed");
        assertEquals("uuid", thing.getProperties().get("id").getFormat());
        assertTrue(thing.getProperties().get("id").getType().contains(Schema.SchemaType.NULL), "optional properties are nullable");
        assertEquals("^(?:[a-z]+)$", thing.getProperties().get("name").getPattern());
        Schema kind = thing.getProperties().get("kind");
        assertEquals(SCHEMAS + "Kind", kind.getAllOf().get(0).getRef(), "a nullable enum stays a reference, in an allOf");
        assertTrue(kind.getType().contains(Schema.SchemaType.STRING));
        assertEquals("3.0.3", api.getOpenapi());
    }
}
