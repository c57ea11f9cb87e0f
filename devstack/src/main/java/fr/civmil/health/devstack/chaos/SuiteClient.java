package fr.civmil.health.devstack.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.DevStack;

/**
 * A client of the suite through its gateway, written as a careful integrator writes one: a creation carries an
 * Idempotency-Key and is sent again with the same key until it gets a definite answer; a state change reads the
 * resource first, so that one already made (whose answer was lost) is not made twice. An answer is definite unless it
 * is a 5xx, a 429 or no answer at all; those are counted as retried.
 */
final class SuiteClient {

    /** An answer: status, JSON body (null when none), ETag, and what the attempts before it got (sent again). */
    record Answer(int status, JsonNode body, String etag, List<String> before) {

        Answer(int status, JsonNode body, String etag) {
            this(status, body, etag, List.of());
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text(String field) {
            return body.path(field).asText(null);
        }
    }

    /** A definite refusal the workload did not expect, with the answers sent again before it. */
    static final class Refused extends RuntimeException {
        Refused(String what, Answer answer) {
            super(what + ": HTTP " + answer.status() + " " + answer.body()
                    + (answer.before().isEmpty() ? "" : " (after " + String.join(", ", answer.before()) + ")"));
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** How long a write keeps being sent again while the suite is down, before the run gives up. */
    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final DevStack stack;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final AtomicLong retried = new AtomicLong();

    SuiteClient(DevStack stack) {
        this.stack = stack;
    }

    /** Answers that were not definite (5xx, 429, no answer) and were sent again, since the start. */
    long retried() {
        return retried.get();
    }

    Answer get(String path, String role) {
        return untilDefinite("GET " + path, () -> send("GET", path, role, null, Map.of()));
    }

    /** A creation, sent with one Idempotency-Key until definite; any answer but a 2xx is refused. */
    JsonNode create(String path, String role, Object body) {
        Answer answer = createOrRefusal(path, role, body);
        if (!answer.ok()) {
            throw new Refused("POST " + path, answer);
        }
        return answer.body();
    }

    /** The same, handing a definite refusal (4xx) back to the caller. */
    Answer createOrRefusal(String path, String role, Object body) {
        String json = write(body);
        Map<String, String> headers = Map.of("Idempotency-Key", UUID.randomUUID().toString());
        return untilDefinite("POST " + path, () -> send("POST", path, role, json, headers));
    }

    /**
     * Brings a resource to a status (at a JSON pointer of its view): reads it, and unless it is already there, asks for the change with the ETag
     * just read (a 412 means it changed meanwhile: read again).
     */
    void move(String resource, String statusPointer, String target, String action, String role, Object body) {
        String json = body == null ? null : write(body);
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        while (true) {
            Answer current = get(resource, role);
            if (!current.ok()) {
                throw new Refused("GET " + resource, current);
            }
            if (target.equals(current.body().at(statusPointer).asText(null))) {
                return;
            }
            Answer moved = untilDefinite("POST " + action,
                    () -> send("POST", action, role, json, Map.of("If-Match", current.etag())));
            if (moved.ok()) {
                return;
            }
            if (moved.status() != 412 || System.nanoTime() > deadline) {
                throw new Refused("POST " + action + " towards " + target, moved);
            }
        }
    }

    private Answer untilDefinite(String what, Attempt attempt) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        List<String> before = new ArrayList<>();
        while (true) {
            try {
                Answer answer = attempt.send();
                if (answer.status() < 500 && answer.status() != 429) {
                    return new Answer(answer.status(), answer.body(), answer.etag(), List.copyOf(before));
                }
                before.add(answer.status() + (answer.body() == null ? "" : " " + answer.body().path("type").asText("")));
            } catch (IOException e) {
                before.add(e.getClass().getSimpleName()); // no answer: the gateway or the service is away
            }
            retried.incrementAndGet();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(what + ": no definite answer in " + GIVE_UP_AFTER.toSeconds() + " s");
            }
            sleep(100);
        }
    }

    private interface Attempt {
        Answer send() throws IOException;
    }

    private Answer send(String method, String path, String role, String json, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + tokens.computeIfAbsent(role, r -> stack.token(r, Duration.ofHours(6))))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Answer(response.statusCode(), body == null || body.isBlank() ? null : JSON.readTree(body),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** Every item of a paged list. */
    void forEachItem(String path, String role, Consumer<JsonNode> each) {
        for (int page = 0;; page++) {
            Answer answer = get(path + (path.contains("?") ? "&" : "?") + "size=200&page=" + page, role);
            if (!answer.ok()) {
                throw new Refused("GET " + path, answer);
            }
            answer.body().path("items").forEach(each);
            if (page + 1 >= answer.body().path("totalPages").asInt()) {
                return;
            }
        }
    }

    static String write(Object body) {
        try {
            return body instanceof String text ? text : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
