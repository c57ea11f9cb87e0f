package fr.civmil.health.gateway;

import static fr.civmil.health.gateway.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Quotas, circuit breaker, body limit, request id and trace context, CORS and the aggregated docs. */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayProtectionTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Injected by {@link FakeUpstreamsResource}. */
    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aBurstOverTheQuotaIs429WithRetryAfterWhileAnotherClientIsServedAtOnce() throws Exception {
        String greedy = Tokens.of("greedy-client", "ars");
        String other = Tokens.of("patient-client", "ssa");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> burst = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Callable<Response> call = () -> given().header("Authorization", "Bearer " + greedy).get("/api/test/quota/x");
                burst.add(pool.submit(call));
            }
            int served = 0;
            Response refused = null;
            for (Future<Response> response : burst) {
                Response r = response.get();
                if (r.statusCode() == 200) {
                    served++;
                } else {
                    assertEquals(429, r.statusCode(), r.asString());
                    refused = r;
                }
            }
            // The route's bucket holds 5; the burst is far faster than one refill every 5 s.
            assertEquals(5, served);
            refused.then().contentType(PROBLEM_JSON)
                    .header("Retry-After", matchesPattern("[1-5]"))
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", "0")
                    .header("RateLimit-Reset", matchesPattern("\\d+"))
                    .header("X-Upstream", nullValue())
                    .body("type", is("urn:civmil:problem:too-many-requests"))
                    .body("detail", containsString("greedy-client"));

            // The greedy client stays refused, and meanwhile the other client is served at once with its full quota.
            long refusedAt = System.nanoTime();
            given().header("Authorization", "Bearer " + greedy).get("/api/test/quota/x").then().statusCode(429);
            // Its refusals come after the refusal delay (50 ms): each of its connections costs little.
            assertTrue((System.nanoTime() - refusedAt) / 1_000_000 >= 50, "a 429 waits for the refusal delay");
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                given().header("Authorization", "Bearer " + other).get("/api/test/quota/x")
                        .then().statusCode(200).header("X-Upstream", "zones").header("RateLimit-Remaining", String.valueOf(4 - i));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 500, "the other client waited " + millis + " ms");
            }
        } finally {
            pool.shutdownNow();
        }
        // The 16 refusals are counted per client, route and minute, not recorded one by one; the 5 served are.
        long deadline = System.nanoTime() + 5_000_000_000L;
        int counted;
        do {
            Thread.sleep(100);
            counted = as("auditor").get("/api/v1/audit/quota-refusals?client=greedy-client&route=quota-test")
                    .then().statusCode(200).extract().jsonPath().getList("items.refusals", Integer.class)
                    .stream().mapToInt(Integer::intValue).sum();
        } while (counted < 16 && System.nanoTime() < deadline);
        assertEquals(16, counted);
        as("auditor").get("/api/v1/audit?client=greedy-client&status=429").then().statusCode(200).body("total", is(0));
        as("auditor").get("/api/v1/audit?client=greedy-client&status=200").then().statusCode(200).body("total", is(5));
        as("auditor").get("/api/v1/audit/quota-refusals?sort=size").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations[0].field", is("sort"));
    }

    /**
     * Calls the fragile route until the gateway answers its own 503 (no X-Upstream): every answer before it must be
     * the upstream's failure. How many it takes depends on the outcomes still in the window (half of at least 3 calls).
     */
    private static void failuresUntilTheCircuitOpens(int failureStatus) {
        for (int sent = 0; sent < 10; sent++) {
            Response response = as("ars").get("/api/test/fragile/1");
            if (response.statusCode() == 503 && response.header("X-Upstream") == null && sent > 0) {
                response.then().contentType(PROBLEM_JSON).body("type", is("urn:civmil:problem:service-unavailable"));
                return;
            }
            assertEquals(failureStatus, response.statusCode(), "call " + (sent + 1) + ": " + response.asString());
            if (failureStatus == 503) {
                response.then().header("X-Upstream", "fragile").header("Retry-After", "30");
            } else {
                response.then().contentType(PROBLEM_JSON);
            }
        }
        throw new AssertionError("the circuit never opened");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresFailsFastThenAProbeClosesIt() throws Exception {
        as("ars").get("/api/test/fragile/1").then().statusCode(200).header("X-Upstream", "fragile");
        upstreams.fragile().stop();
        try {
            failuresUntilTheCircuitOpens(502);
            // Open: no call is attempted even though the upstream is back.
            upstreams.fragile().start();
            long started = System.nanoTime();
            as("ars").get("/api/test/fragile/1").then().statusCode(503).contentType(PROBLEM_JSON)
                    .header("Retry-After", matchesPattern("1"))
                    .header("X-Upstream", nullValue())
                    .body("type", is("urn:civmil:problem:service-unavailable"))
                    .body("detail", containsString("fragile-test"));
            assertTrue((System.nanoTime() - started) / 1_000_000 < 500, "an open circuit answers at once");
        } finally {
            upstreams.fragile().start();
        }
        Thread.sleep(1300);
        // After open-for, the instance says it is ready, one probe goes through; it succeeds, so the circuit closes for everyone.
        as("ars").get("/api/test/fragile/1").then().statusCode(200).header("X-Upstream", "fragile");
        for (int i = 0; i < 3; i++) {
            as("ars").get("/api/test/fragile/2").then().statusCode(200).header("X-Upstream", "fragile");
        }
    }

    @Test
    void anInstanceThatIsNotReadyGetsNoProbe() throws Exception {
        upstreams.fragile().stop();
        try {
            failuresUntilTheCircuitOpens(502);
            Thread.sleep(1300);
            // Its readiness check failed (connection refused): still ejected, no request is sent to it.
            as("ars").get("/api/test/fragile/1").then().statusCode(503).header("X-Upstream", nullValue());
        } finally {
            upstreams.fragile().start();
        }
        Thread.sleep(1300);
        as("ars").get("/api/test/fragile/1").then().statusCode(200);
    }

    @Test
    void aServiceAnswering503RepeatedlyOpensTheCircuitWhichFailsFastWithoutCallingItUntilAProbeSucceeds() throws Exception {
        FakeUpstream fragile = upstreams.fragile();
        fragile.failWith(503);
        try {
            // The service's own answers are passed on as they are (their Retry-After says 30), and counted.
            failuresUntilTheCircuitOpens(503);
            int received = fragile.received();
            long started = System.nanoTime();
            as("ars").get("/api/test/fragile/1").then().statusCode(503).contentType(PROBLEM_JSON)
                    .header("Retry-After", "1")
                    .header("X-Upstream", nullValue())
                    .body("type", is("urn:civmil:problem:service-unavailable"))
                    .body("detail", containsString("fragile-test"));
            assertTrue((System.nanoTime() - started) / 1_000_000 < 500, "an open circuit answers at once");
            assertEquals(received, fragile.received(), "an open circuit does not call the service");

            // After open-for, the service says it is ready (its readiness is not its API): one probe reaches it; it still
            // answers 503, so the circuit opens again.
            Thread.sleep(1300);
            as("ars").get("/api/test/fragile/1").then().statusCode(503).header("X-Upstream", "fragile");
            as("ars").get("/api/test/fragile/1").then().statusCode(503).header("X-Upstream", nullValue());
            assertEquals(received + 1, fragile.received());
        } finally {
            fragile.failWith(0);
        }
        Thread.sleep(1300);
        // The service has recovered: the probe succeeds and the circuit closes for everyone.
        as("ars").get("/api/test/fragile/1").then().statusCode(200).header("X-Upstream", "fragile");
        for (int i = 0; i < 3; i++) {
            as("ars").get("/api/test/fragile/2").then().statusCode(200).header("X-Upstream", "fragile");
        }
    }

    @Test
    void a500FromTheServiceIsPassedOnAndDoesNotOpenTheCircuit() {
        upstreams.fragile().failWith(500);
        try {
            // Past the threshold of 3: every request still reaches the service.
            for (int i = 0; i < 5; i++) {
                as("ars").get("/api/test/fragile/1").then().statusCode(500).header("X-Upstream", "fragile");
            }
        } finally {
            upstreams.fragile().failWith(0);
        }
        as("ars").get("/api/test/fragile/1").then().statusCode(200).header("X-Upstream", "fragile");
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413WithoutReachingTheService() throws IOException {
        String response = exchange("POST /api/v1/priority-zones HTTP/1.1\r\nHost: localhost\r\n" + bearer("ars")
                + "Content-Type: application/json\r\nContent-Length: " + (7 * 1024 * 1024) + "\r\n\r\n{\"a\":");
        assertTrue(response.startsWith("HTTP/1.1 413"), response);
        assertTrue(response.contains("urn:civmil:problem:payload-too-large") && !response.contains("X-Upstream"), response);
    }

    @Test
    void aStreamedBodyOverTheLimitIs413AndTheServiceNeverGetsAWholeRequest() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            // delayMs: this upstream reads the whole body before answering, as a real service does.
            out.write(ascii("POST /api/v1/priority-zones?delayMs=0 HTTP/1.1\r\nHost: localhost\r\n" + bearer("ars")
                    + "Content-Type: application/octet-stream\r\nTransfer-Encoding: chunked\r\n\r\n"));
            byte[] chunk = new byte[64 * 1024];
            String head = Integer.toHexString(chunk.length) + "\r\n";
            try {
                for (int i = 0; i < 7 * 16; i++) { // 7 MiB against a 6 MiB limit
                    out.write(ascii(head));
                    out.write(chunk);
                    out.write(ascii("\r\n"));
                }
                out.write(ascii("0\r\n\r\n"));
                out.flush();
            } catch (IOException closedEarly) {
                // The gateway may answer and close before the whole body is sent.
            }
            String response = readResponse(socket);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("urn:civmil:problem:payload-too-large"), response);
        }
    }

    @Test
    void theRequestIdComesBackAndReachesTheServiceAndTheTraceGoesOn() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        as("ars").header("X-Request-Id", "client-req-42").header("traceparent", traceparent)
                .get("/api/v1/priority-zones")
                .then().statusCode(200)
                .header("X-Request-Id", "client-req-42")
                .header("X-Seen-X-Request-Id", "client-req-42")
                // The caller's trace goes on under the gateway's own span.
                .header("X-Seen-traceparent", matchesPattern("00-4bf92f3577b34da6a3ce929d0e0e4736-(?!00f067aa0ba902b7)[0-9a-f]{16}-01"));

        // None, or an unusable one: the gateway makes one, the same upstream and back, plus a fresh trace.
        for (String supplied : new String[] { null, "bad id; with spaces" }) {
            var request = as("ars");
            if (supplied != null) {
                request.header("X-Request-Id", supplied);
            }
            Response response = request.get("/api/v1/priority-zones");
            String id = response.header("X-Request-Id");
            response.then().statusCode(200)
                    .header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"))
                    .header("X-Seen-X-Request-Id", id)
                    // A new trace: sampled (01), its id marked random (02, W3C trace context level 2).
                    .header("X-Seen-traceparent", matchesPattern("00-[0-9a-f]{32}-[0-9a-f]{16}-0[13]"));
        }
        // The gateway's own answers carry it too.
        given().header("X-Request-Id", "no-token-1").get("/api/v1/priority-zones")
                .then().statusCode(401).header("X-Request-Id", "no-token-1");
    }

    @Test
    void eachRequestIsOneAccessLogLineWithItsIdsAndNeverItsQuery() throws Exception {
        String requestId = "access-" + java.util.UUID.randomUUID();
        as("ars").header("X-Request-Id", requestId).queryParam("name", "Dupont").get("/api/v1/priority-zones").then().statusCode(200);

        ObjectMapper json = new ObjectMapper();
        JsonNode line = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (String text : Files.readAllLines(Path.of("target/gateway-tests.log"))) {
                JsonNode node = json.readTree(text);
                if (node.path("loggerName").asText().equals("gateway.access") && requestId.equals(node.path("mdc").path("requestId").asText())) {
                    return node;
                }
            }
            return null;
        }, java.util.Objects::nonNull);
        assertTrue(line.path("message").asText().startsWith("GET /api/v1/priority-zones 200 "), line::toString);
        assertTrue(line.path("message").asText().contains("route=zones-service upstream=instance-1"), line::toString);
        assertFalse(line.toString().contains("Dupont"), "a query string may carry a person's name: never logged");
        assertTrue(line.path("mdc").path("traceId").asText().matches("[0-9a-f]{32}"), line::toString);
        assertEquals("dev-ars", line.path("mdc").path("subject").asText(), "the token's subject");
    }

    @Test
    void corsIsAnsweredForConfiguredOriginsOnlyAndAsAProblemOtherwise() {
        String origin = "https://backoffice.cnmss.example";
        given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization, Content-Type, Idempotency-Key")
                .options("/api/v1/referral-requests")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Max-Age", "600")
                .header("X-Upstream", nullValue());
        as("cnmss").header("Origin", origin).get("/api/v1/referral-requests")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", origin)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
        as("cnmss").header("Origin", "https://evil.example").get("/api/v1/referral-requests")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("X-Upstream", nullValue())
                .body("type", is("urn:civmil:problem:cors-origin-refused"));
    }

    @Test
    void oneDocumentationPageListsEveryServiceAndServesTheirDocumentsThroughTheGateway() {
        given().get("/api-docs").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("/api-docs/zones-service"), containsString("/api-docs/partnership-service"),
                        containsString("/api-docs/referral-network-service"), containsString("/q/swagger-ui"));
        given().get("/api-docs/partnership-service").then().statusCode(200)
                .contentType(containsString("application/json"))
                .body("openapi", is("3.1.0"))
                .body("info.title", is("partnership"));
        given().get("/api-docs/nothing").then().statusCode(404).contentType(PROBLEM_JSON);
        upstreams.zones().stop();
        try {
            given().get("/api-docs/zones-service").then().statusCode(502).contentType(PROBLEM_JSON)
                    .body("detail", not(containsString("127.0.0.1")));
        } finally {
            upstreams.zones().start();
        }
        given().get("/q/swagger-ui/").then().statusCode(200).body(not(emptyOrNullString()));
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(ascii(request));
            socket.getOutputStream().flush();
            return readResponse(socket);
        }
    }

    /** One response: its head, then as many body bytes as its Content-Length says. */
    private static String readResponse(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        while (true) {
            String text = received.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, end));
                if (!length.find() || text.length() >= end + 4 + Integer.parseInt(length.group(1))) {
                    return text;
                }
            }
            int b = in.read();
            if (b < 0) {
                return text;
            }
            received.write(b);
        }
    }

    private static String bearer(String role) {
        return "Authorization: Bearer " + Tokens.of(role) + "\r\n";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
