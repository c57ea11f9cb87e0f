package fr.civmil.health.gateway.routing;

import java.net.URI;

/** One instance of an upstream service, parsed from its base URL. */
public record Upstream(String host, int port, boolean ssl) {

    static Upstream parse(String route, URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase();
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new IllegalStateException("Route " + route + ": upstream " + url + " must be an http(s)://host:port URL");
        }
        // Paths are forwarded unchanged, so a base path would be silently ignored: refuse it.
        if (url.getRawPath() != null && !url.getRawPath().isEmpty() && !url.getRawPath().equals("/")
                || url.getRawQuery() != null || url.getRawFragment() != null) {
            throw new IllegalStateException("Route " + route + ": upstream " + url + " must not have a path or query");
        }
        boolean ssl = scheme.equals("https");
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        return new Upstream(url.getHost(), port, ssl);
    }
}
