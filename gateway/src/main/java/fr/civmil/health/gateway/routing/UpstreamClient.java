package fr.civmil.health.gateway.routing;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import fr.civmil.health.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The one HTTP client to the upstreams, on Quarkus' own Vert.x instance (its event loops serve the
 * incoming side too, so a proxied exchange never changes thread).
 */
@Singleton
public class UpstreamClient {

    private final HttpClient http;
    private final GatewayConfig config;

    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        // Bodies pass through as they are: no decompression, no compression negotiation of our own.
        this.http = vertx.createHttpClient(
                new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false)
                        .setConnectTimeout((int) config.connectTimeout().toMillis()),
                new PoolOptions().setHttp1MaxSize(config.poolSize()));
    }

    public HttpClient http() {
        return http;
    }

    /**
     * A request to one instance; method, URI and headers are set by the caller. The idle timeout
     * fails the response with a TimeoutException when the upstream stays silent that long.
     */
    public Future<HttpClientRequest> request(Upstream upstream, Duration timeout) {
        return request(upstream, config.connectTimeout(), timeout);
    }

    /** The same, with a connect timeout of its own (a route's). */
    public Future<HttpClientRequest> request(Upstream upstream, Duration connectTimeout, Duration timeout) {
        return http.request(new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout.toMillis()));
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
