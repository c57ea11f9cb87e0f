package fr.civmil.health.gateway.routing;

import io.vertx.ext.web.RoutingContext;

/**
 * Pages the gateway serves itself without a token (the API documentation), once a request has passed the checks
 * every request meets (canonical path, CORS). Declared here so that routing depends on no page's package.
 */
public interface PublicPages {

    boolean owns(String path);

    void handle(RoutingContext rc, String path);
}
