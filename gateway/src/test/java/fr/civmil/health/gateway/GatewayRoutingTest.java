package fr.civmil.health.gateway;

import static fr.civmil.health.gateway.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.civmil.health.devstack.testing.Management;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayRoutingTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** Injected by {@link FakeUpstreamsResource}. */
    FakeUpstreams upstreams;

    @TestHTTPResource("/")
    URL gateway;

    @ParameterizedTest
    @CsvSource({
            "/api/v1/territories, zones, ars",
            "/api/v1/priority-zones, zones, ars",
            "/api/v1/consultation-sites, zones, ars",
            "/api/v1/solidarity-missions, zones, ars",
            "/api/v1/partnerships, partnership, ssa",
            "/api/v1/crisis-activations, partnership, ssa",
            "/api/v1/doctors, referral, cnmss",
            "/api/v1/referral-requests, referral, cnmss",
            "/api/v1/coverage, referral, cnmss" })
    void eachPrefixReachesItsServiceWithPathAndQueryUnchanged(String prefix, String service, String role) {
        for (String path : List.of(prefix, prefix + "/", prefix + "/76/a%20b/c")) {
            as(role).urlEncodingEnabled(false)
                    .get(path + "?page=0&size=20&sort=name,asc&q=%C3%A9t%C3%A9")
                    .then().statusCode(200)
                    .header("X-Upstream", startsWith(service))
                    .header("X-Seen-Uri", equalTo(path + "?page=0&size=20&sort=name,asc&q=%C3%A9t%C3%A9"));
        }
    }

    @Test
    void theServicesDateReachesTheClientAsTheServiceWroteIt() {
        as("cnmss").get("/api/v1/coverage").then().statusCode(200)
                .header("X-Upstream", startsWith("referral"))
                .header("Date", FakeUpstream.DATE);
    }

    @Test
    void aLargeBodyGoesUpAndComesBackWhole() {
        byte[] body = new byte[4 * 1024 * 1024];
        new Random(42).nextBytes(body);
        byte[] echoed = as("ssa").contentType("application/octet-stream").body(body)
                .post("/api/v1/partnerships/p-1/reviews?year=2025")
                .then().statusCode(200)
                .header("X-Upstream", "partnership")
                .header("X-Seen-Method", "POST")
                .header("X-Seen-Uri", "/api/v1/partnerships/p-1/reviews?year=2025")
                .header("X-Seen-Content-Length", String.valueOf(body.length))
                .extract().asByteArray();
        assertArrayEquals(body, echoed);
    }

    /**
     * The upstream echoes each chunk as it arrives. The client reads the echo of its first chunk before it
     * sends the second: that only works if the gateway streams the request up and the response down.
     */
    @Test
    void bodiesAreStreamedBothWaysNotBuffered() throws IOException {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(ascii("POST /api/v1/solidarity-missions/m-1/days HTTP/1.1\r\nHost: localhost\r\n" + bearer("ars")
                    + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + chunk("part-1")));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            readUntil(socket.getInputStream(), received, "part-1");
            assertTrue(received.toString(StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 200"), received::toString);

            out.write(ascii(chunk("part-2") + "0\r\n\r\n"));
            out.flush();
            received.write(socket.getInputStream().readAllBytes());
            String response = received.toString(StandardCharsets.ISO_8859_1);
            assertTrue(response.contains("part-2") && response.endsWith("0\r\n\r\n"), response);
        }
    }

    @Test
    void callersCannotSpoofForwardedOrIdentityHeadersAndTheirTokenPassesThrough() {
        String token = Tokens.of("ars");
        given().header("X-Forwarded-For", "6.6.6.6")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "6666")
                .header("Forwarded", "for=6.6.6.6;proto=https")
                .header("X-Real-IP", "6.6.6.6")
                .header("X-User-Id", "dev-admin")
                .header("X-Roles", "admin")
                .header("X-Client-Id", "dev-admin")
                .header("Authorization", "Bearer " + token)
                .get("/api/v1/priority-zones")
                .then().statusCode(200)
                .header("X-Seen-X-Forwarded-For", "127.0.0.1")
                .header("X-Seen-X-Forwarded-Proto", "http")
                .header("X-Seen-X-Forwarded-Host", "localhost:" + gateway.getPort())
                .header("X-Seen-X-Forwarded-Port", nullValue())
                .header("X-Seen-Forwarded", nullValue())
                .header("X-Seen-X-Real-IP", nullValue())
                .header("X-Seen-X-User-Id", nullValue())
                .header("X-Seen-X-Roles", nullValue())
                .header("X-Seen-X-Client-Id", nullValue())
                .header("X-Seen-Authorization", "Bearer " + token);
    }

    @Test
    void hopByHopHeadersStopAtTheGateway() throws IOException {
        String response = exchange("GET /api/v1/coverage HTTP/1.1\r\nHost: localhost\r\n" + bearer("cnmss")
                + "Connection: close\r\nConnection: X-Hop\r\nX-Hop: secret\r\nKeep-Alive: timeout=1\r\n"
                + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\n\r\n");
        String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase();
        assertTrue(head.startsWith("http/1.1 200"), head);
        assertTrue(head.contains("x-upstream: referral"), head);
        // Nothing hop-by-hop reached the upstream ...
        assertTrue(!head.contains("x-seen-x-hop") && !head.contains("x-seen-keep-alive")
                && !head.contains("x-seen-proxy-authorization"), head);
        // ... nor came back from it.
        assertTrue(!head.contains("keep-alive: timeout=5") && !head.contains("proxy-authenticate"), head);
    }

    @Test
    void requestsToOneServiceAlternateBetweenItsInstances() {
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            served.add(as("ars").get("/api/v1/doctors").then().statusCode(200).extract().header("X-Upstream"));
        }
        assertEquals(Set.of("referral-a", "referral-b"), Set.copyOf(served), served::toString);
        for (int i = 1; i < served.size(); i++) {
            assertNotEquals(served.get(i - 1), served.get(i), served::toString);
        }
    }

    @Test
    void aDeadInstanceIsEjectedItsRequestsServedByTheOtherThenReadmittedAfterAProbe() throws Exception {
        upstreams.referralB().stop();
        try {
            // Refused connections are retried on the other instance: the callers see no failure, writes included.
            for (int i = 0; i < 10; i++) {
                as("cnmss").get("/api/v1/doctors").then().statusCode(200).header("X-Upstream", "referral-a");
            }
            as("cnmss").contentType("application/json").body("{}").post("/api/v1/doctors")
                    .then().statusCode(200).header("X-Upstream", "referral-a");
            Management.given().get("/q/health/well").then()
                    .body("checks.find { it.name == 'upstream referral-network-service' }.data.'instance-2-breaker'", is("OPEN"))
                    .body("checks.find { it.name == 'upstream referral-network-service' }.data.'instance-1-breaker'", is("CLOSED"))
                    .body("checks.find { it.name == 'upstream referral-network-service' }.data.breaker", is("DEGRADED"));
            Management.given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("gateway_upstream_circuit_state{route=\"referral-network-service\",service=\"gateway\",upstream=\"instance-2\"} 1.0"))
                    .body(containsString("gateway_upstream_circuit_state{route=\"referral-network-service\",service=\"gateway\",upstream=\"instance-1\"} 0.0"));
        } finally {
            upstreams.referralB().start();
        }
        Thread.sleep(1300);
        // Open for 1 s in the tests: then instance 2 says it is ready, one request probes it, and it is readmitted.
        List<String> served = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            served.add(as("cnmss").get("/api/v1/doctors").then().statusCode(200).extract().header("X-Upstream"));
        }
        assertEquals(Set.of("referral-a", "referral-b"), Set.copyOf(served), served::toString);
        Management.given().get("/q/health/well").then()
                .body("checks.find { it.name == 'upstream referral-network-service' }.data.breaker", is("CLOSED"));
    }

    /**
     * Instance 2 takes each request and drops it unanswered, as a service killed mid-request does. Reads and writes
     * carrying an Idempotency-Key are sent again to instance 1, their bodies whole; a write without one may have
     * been applied, so it is not sent twice: its caller gets the 502.
     */
    @Test
    void requestsDroppedByAnInstanceAreSentOnceToAnotherWhenReplayable() throws Exception {
        upstreams.referralB().drop(true);
        int droppedBefore = upstreams.referralB().received();
        try {
            // For 2.5 s, so that instance 2 is tried before its circuit opens and again by the probes after (1 s open).
            long until = System.nanoTime() + 2_500_000_000L;
            for (int i = 0; i < 8 || System.nanoTime() < until; i++) {
                as("cnmss").get("/api/v1/doctors").then().statusCode(200).header("X-Upstream", "referral-a");
                String body = "{\"rpps\":\"" + (10_000_000_000L + i) + "\"}";
                as("cnmss").contentType("application/json").header("Idempotency-Key", "retry-" + UUID.randomUUID()).body(body)
                        .post("/api/v1/doctors")
                        .then().statusCode(200).header("X-Upstream", "referral-a").body(equalTo(body));
                Thread.sleep(20);
            }
            assertTrue(upstreams.referralB().received() > droppedBefore, "instance 2 was tried for some of them");
            List<Integer> withoutKey = new ArrayList<>();
            until = System.nanoTime() + 3_000_000_000L;
            while (!withoutKey.contains(502) && System.nanoTime() < until) {
                withoutKey.add(as("cnmss").contentType("application/json").body("{}").post("/api/v1/doctors").then()
                        .extract().statusCode());
                Thread.sleep(20);
            }
            assertTrue(withoutKey.contains(502), withoutKey::toString);
            assertTrue(Set.of(200, 502).containsAll(withoutKey), "the caller is still there: never a 499, " + withoutKey);
        } finally {
            upstreams.referralB().drop(false);
        }
        awaitServedBy("referral-b"); // readmitted by its next probe, for the other tests
    }

    private static void awaitServedBy(String instance) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        while (!instance.equals(as("cnmss").get("/api/v1/doctors").then().extract().header("X-Upstream"))) {
            assertTrue(System.nanoTime() < until, instance + " not readmitted");
            Thread.sleep(50);
        }
    }

    @Test
    void aPrefixMatchesWholeSegmentsOnly() {
        given().get("/api/v1/doctorsX").then().statusCode(404).contentType(PROBLEM_JSON);
        given().get("/api/v1/doctors-list/1").then().statusCode(404).contentType(PROBLEM_JSON);
        as("ars").get("/api/v1/doctors/X").then().statusCode(200).header("X-Upstream", startsWith("referral"));
    }

    @Test
    void aPathNoServiceOwnsIsA404Problem() {
        given().get("/api/v1/unknown/1?x=y")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .header("X-Upstream", nullValue())
                .body("type", is("urn:civmil:problem:not-found"))
                .body("title", is("Not found"))
                .body("status", is(404))
                .body("detail", is("No service serves /api/v1/unknown/1"))
                .body("instance", is("/api/v1/unknown/1"));
    }

    @Test
    void dotSegmentsCannotReachAServicesOwnEndpoints() throws IOException {
        String response = exchange("GET /api/v1/doctors/../../q/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertTrue(response.startsWith("HTTP/1.1 400"), response);
        assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
        assertTrue(response.contains("urn:civmil:problem:bad-request") && !response.contains("X-Upstream"), response);
    }

    @Test
    void aSilentUpstreamIsA504AfterItsRoutesTimeout() {
        long started = System.nanoTime();
        as("ars").get("/api/test/slow/1?delayMs=5000")
                .then().statusCode(504)
                .contentType(PROBLEM_JSON)
                .body("type", is("urn:civmil:problem:gateway-timeout"))
                .body("status", is(504))
                .body("detail", is("slow-test did not answer within 500 ms; try again later"))
                .body("instance", is("/api/test/slow/1"));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= 450 && tookMillis < 3000, "took " + tookMillis + " ms");

        // The same delay is fine on a route with the default 30 s timeout.
        as("ars").get("/api/v1/territories?delayMs=800").then().statusCode(200).header("X-Upstream", "zones");
    }

    @Test
    void anUpstreamDownIsA502ProblemOnItsRoutesOnlyAndTheGatewayStaysReady() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        upstreams.partnership().stop();
        try {
            as("ars").contentType("application/json").body("{\"name\":\"x\"}")
                    .post("/api/v1/crisis-activations")
                    .then().statusCode(502)
                    .contentType(PROBLEM_JSON)
                    .body("type", is("urn:civmil:problem:bad-gateway"))
                    .body("status", is(502))
                    .body("detail", is("partnership-service is unavailable; try again later"))
                    .body("detail", not(containsString("127.0.0.1")))
                    .body("instance", is("/api/v1/crisis-activations"));

            // One service away takes only its routes out: the gateway stays ready and the others serve on.
            Management.given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
            as("ars").get("/api/v1/priority-zones").then().statusCode(200).header("X-Upstream", "zones");
            Management.given().get("/q/health/well")
                    .then().statusCode(503)
                    .body("status", is("DOWN"))
                    .body("checks.find { it.name == 'upstream partnership-service' }.status", is("DOWN"))
                    .body("checks.find { it.name == 'upstream partnership-service' }.data.'instance-1'",
                            is("DOWN: connection refused"))
                    .body("checks.find { it.name == 'upstream zones-service' }.status", is("UP"));
        } finally {
            upstreams.partnership().start();
        }
        Management.given().get("/q/health/well")
                .then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", org.hamcrest.Matchers.hasItems("upstream zones-service", "upstream partnership-service",
                        "upstream referral-network-service", "upstream slow-test", "upstream fragile-test"))
                .body("checks.find { it.name == 'upstream referral-network-service' }.data.'instance-2'", is("UP"));
        as("ars").get("/api/v1/crisis-activations").then().statusCode(200).header("X-Upstream", "partnership");
    }

    @Test
    void livenessAndOtherQuarkusEndpointsStayLocal() {
        upstreams.zones().stop();
        try {
            Response live = Management.given().get("/q/health/live");
            live.then().statusCode(200).body("status", is("UP")).header("X-Upstream", nullValue());
            given().get("/q/openapi").then().statusCode(200).header("X-Upstream", nullValue())
                    .body(anyOf(containsString("CivMil Health gateway"), containsString("openapi")));
        } finally {
            upstreams.zones().start();
        }
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnlyNeverOnThePublicOne() {
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/health/well")) {
            given().get(path).then().statusCode(404).header("X-Upstream", nullValue());
            Management.given().get(path).then().statusCode(anyOf(is(200), is(503)));
        }
    }

    @Test
    void httpMetricsAreKeptPerPrefixNeverPerIdentifier() {
        for (String id : List.of("z-101", "z-102", "z-103")) {
            as("ars").get("/api/v1/priority-zones/" + id).then().statusCode(200);
        }
        String metrics = Management.given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("uri=\"/api/v1/priority-zones/**\""), metrics);
        assertTrue(!metrics.contains("z-101") && !metrics.contains("z-103"), "a series per identifier");
    }

    private static String bearer(String role) {
        return "Authorization: Bearer " + Tokens.of(role) + "\r\n";
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", gateway.getPort());
        socket.setSoTimeout(5000); // a buffering gateway would make the reads below time out
        return socket;
    }

    private String exchange(String request) throws IOException {
        try (Socket socket = connect()) {
            socket.getOutputStream().write(ascii(request));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static void readUntil(InputStream in, ByteArrayOutputStream received, String marker) throws IOException {
        byte[] buffer = new byte[8192];
        while (!received.toString(StandardCharsets.ISO_8859_1).contains(marker)) {
            int read = in.read(buffer);
            if (read < 0) {
                throw new IOException("connection closed before '" + marker + "': " + received);
            }
            received.write(buffer, 0, read);
        }
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
