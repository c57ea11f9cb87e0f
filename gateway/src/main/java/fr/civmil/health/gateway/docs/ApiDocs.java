package fr.civmil.health.gateway.docs;

import java.time.Duration;
import java.util.Optional;

import jakarta.inject.Singleton;

import fr.civmil.health.gateway.routing.GatewayRoute;
import fr.civmil.health.gateway.routing.Problems;
import fr.civmil.health.gateway.routing.PublicPages;
import fr.civmil.health.gateway.routing.RouteTable;
import fr.civmil.health.gateway.routing.UpstreamClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The aggregated API documentation (public, like any published API reference): {@code /api-docs} is a
 * page listing each service's OpenAPI document, and {@code /api-docs/{service}} is that document,
 * fetched from the service through the gateway's upstream client. Swagger UI at /q/swagger-ui offers
 * the same documents in its selector. Paths are not rewritten, so each document is valid as is
 * against the gateway. {@code /api-docs/{service}/asyncapi} is the service's AsyncAPI document (its events), and
 * {@code /api-docs/licence} the licence the documents name.
 */
@Singleton
public class ApiDocs implements PublicPages {

    public static final String ROOT = "/api-docs";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);
    /** The page the documents' info.license.url names. */
    static final String LICENCE = "licence";
    private static final String LICENCE_TEXT = """
            CivMil Health APIs — proprietary licence

            The CivMil Health APIs and their documents are the property of their publisher. The ARS, the SSA, the CNMSS
            and the information systems they authorise may generate clients from these documents and call the APIs
            for the purposes of their missions; any other use needs written permission.
            """;

    private final RouteTable table;
    private final UpstreamClient client;
    private final Problems problems;

    public ApiDocs(RouteTable table, UpstreamClient client, Problems problems) {
        this.table = table;
        this.client = client;
        this.problems = problems;
    }

    @Override
    public boolean owns(String path) {
        return path.equals(ROOT) || path.startsWith(ROOT + "/");
    }

    @Override
    public void handle(RoutingContext rc, String path) {
        if (!rc.request().method().equals(HttpMethod.GET) && !rc.request().method().equals(HttpMethod.HEAD)) {
            problems.send(rc.request(), 405, "method-not-allowed.docs", path);
            return;
        }
        String rest = path.equals(ROOT) || path.equals(ROOT + "/") ? null : path.substring(ROOT.length() + 1);
        if (rest == null) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(index());
            return;
        }
        if (rest.equals(LICENCE)) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8").end(LICENCE_TEXT);
            return;
        }
        // /api-docs/{service} is its OpenAPI document, /api-docs/{service}/asyncapi its AsyncAPI document.
        boolean asyncApi = rest.endsWith("/asyncapi");
        String service = asyncApi ? rest.substring(0, rest.length() - "/asyncapi".length()) : rest;
        Optional<GatewayRoute> route = table.routes().stream().filter(r -> r.name().equals(service)).findFirst();
        if (route.isEmpty()) {
            problems.send(rc.request(), 404, "not-found.service", path, service);
            return;
        }
        String uri = asyncApi ? "/q/asyncapi" : "/q/openapi?format=json";
        client.request(route.get().upstreams().get(0), FETCH_TIMEOUT)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI(uri).send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    String type = response.getHeader(HttpHeaders.CONTENT_TYPE);
                    rc.response().putHeader(HttpHeaders.CONTENT_TYPE, type == null ? "application/json" : type);
                    return body;
                }))
                .onSuccess(body -> rc.response().end(body))
                .onFailure(failure -> problems.send(rc.request(), 502, "bad-gateway.docs", path, service));
    }

    private String index() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>CivMil Health API documentation</title></head><body>\n<h1>CivMil Health API documentation</h1>\n"
                + "<p>Every service is reached through this gateway under its own prefix; send a bearer token"
                + " (<code>Authorization: Bearer ...</code>). Browse them in <a href=\"/q/swagger-ui\">Swagger UI</a>.</p>\n<ul>\n");
        for (GatewayRoute route : table.routes()) {
            html.append("<li><a href=\"").append(ROOT).append('/').append(route.name()).append("\">").append(route.name())
                    .append("</a>: ").append(String.join(", ", route.prefixes())).append("</li>\n");
        }
        html.append("<li><a href=\"/q/openapi?format=json\">gateway</a>: /api/v1/audit</li>\n</ul>\n</body></html>\n");
        return html.toString();
    }
}
