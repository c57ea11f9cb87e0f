package fr.civmil.health.gateway.routing;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.problem.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/** The gateway's own errors, in the same RFC 9457 shape as every service's (platform-http's {@link Problem}). */
@Singleton
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    public Buffer body(int status, String slug, String title, String detail, String instance) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(
                    new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, instance, null, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings always serializes
        }
    }

    public Future<Void> send(HttpServerResponse response, int status, String slug, String title, String detail, String instance) {
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body(status, slug, title, detail, instance));
    }
}
