package fr.civmil.health.gateway.routing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import fr.civmil.health.gateway.config.GatewayConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * HTTP clients to the upstreams, on Quarkus' own Vert.x instance: one per event loop, so that the
 * connection a request goes out on belongs to the event loop that serves the incoming side. With one
 * shared pool, a request would often borrow a connection of another event loop, and each exchange
 * would then hop between threads twice (there and back), which on a busy machine costs more than the
 * proxying itself. Calls from other threads share one more client.
 */
@Singleton
public class UpstreamClient {

    private final Vertx vertx;
    private final GatewayConfig config;
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private final HttpClient shared;

    public UpstreamClient(Vertx vertx, GatewayConfig config) {
        this.vertx = vertx;
        this.config = config;
        this.shared = create();
    }

    /** The client of the calling event loop; off an event loop, the shared one. */
    public HttpClient http() {
        return Context.isOnEventLoopThread() ? clients.computeIfAbsent(Thread.currentThread(), thread -> create()) : shared;
    }

    private HttpClient create() {
        // Bodies pass through as they are: no decompression, no compression negotiation of our own.
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDecompressionSupported(false)
                .setConnectTimeout((int) config.connectTimeout().toMillis()), new PoolOptions().setHttp1MaxSize(config.poolSize()));
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
        return http().request(new RequestOptions()
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setConnectTimeout(connectTimeout.toMillis())
                .setIdleTimeout(timeout.toMillis()));
    }

    /** The status of a management interface's readiness endpoint ({@code /q/health/ready}), its body read and dropped. */
    public Future<Integer> readiness(Upstream upstream, Duration timeout) {
        return request(upstream, timeout)
                .compose(request -> request.setMethod(HttpMethod.GET).setURI("/q/health/ready").send())
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
        shared.close();
    }
}
