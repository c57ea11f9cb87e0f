package fr.civmil.health.gateway.routing;

import java.util.Locale;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.platform.problem.Problem;
import fr.civmil.health.platform.problem.ProblemTexts;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The gateway's own errors, in the same RFC 9457 shape as every service's (platform-http's {@link Problem}), their
 * texts keyed in the gateway's {@code META-INF/civmil/problems.properties} and written in the caller's language.
 */
@Singleton
public class Problems {

    private final ObjectMapper json;

    public Problems(ObjectMapper json) {
        this.json = json;
    }

    /** The problem {@code key} (its slug, or slug.variant) with its arguments, in the language the request prefers. */
    public Buffer body(HttpServerRequest request, int status, String key, String instance, Object... args) {
        Locale locale = ProblemTexts.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String slug = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        try {
            return Buffer.buffer(json.writeValueAsBytes(new Problem(Problem.TYPE_PREFIX + slug, ProblemTexts.title(locale, status, slug), status,
                    ProblemTexts.text(locale, key, args), instance, null, null)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a record of strings always serializes
        }
    }

    public Future<Void> send(HttpServerRequest request, int status, String key, String instance, Object... args) {
        return request.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body(request, status, key, instance, args));
    }
}
