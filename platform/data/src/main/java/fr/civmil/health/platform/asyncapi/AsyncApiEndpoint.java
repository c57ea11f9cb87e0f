package fr.civmil.health.platform.asyncapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the service's AsyncAPI document ({@code asyncapi/<application name>.yaml} on the class
 * path, from the events-contracts module) at {@code /q/asyncapi}, beside {@code /q/openapi} and
 * like it without authentication: YAML, or JSON with {@code ?format=json}. A Vert.x route keeps it
 * out of the OpenAPI document. Bundled once at start, so a broken reference stops the service.
 */
@ApplicationScoped
public class AsyncApiEndpoint {

    static final String PATH = "/q/asyncapi";

    private final String yaml;
    private final String json;

    public AsyncApiEndpoint(@ConfigProperty(name = "quarkus.application.name") String application) throws JsonProcessingException {
        JsonNode document = AsyncApiBundle.read(Thread.currentThread().getContextClassLoader(), "asyncapi/" + application + ".yaml");
        this.yaml = document == null ? null
                : new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)).writeValueAsString(document);
        this.json = document == null ? null : new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    void install(@Observes Router router) {
        if (yaml != null) {
            router.get(PATH).handler(this::serve);
        }
    }

    private void serve(RoutingContext rc) {
        String accept = rc.request().getHeader("Accept");
        boolean asJson = "json".equalsIgnoreCase(rc.queryParams().get("format"))
                || (rc.queryParams().get("format") == null && accept != null && accept.startsWith("application/json"));
        rc.response().putHeader("Content-Type", asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8")
                .end(asJson ? json : yaml);
    }
}
