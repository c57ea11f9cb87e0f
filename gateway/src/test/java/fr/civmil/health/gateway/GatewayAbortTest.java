package fr.civmil.health.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fr.civmil.health.devstack.testing.Management;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.DevStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that abandons its request (a load generator stopping, a browser tab closed) is the client's doing:
 * under hundreds of such aborts, before and during the answer, the route's circuit stays closed, every other
 * client gets exactly its own answer, and no buffer is released twice.
 */
@QuarkusTest
@QuarkusTestResource(FakeUpstreamsResource.class)
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "gateway"))
class GatewayAbortTest {

    private static final int ABORTS = 600;
    private static final int ANSWER_BYTES = 64 * 1024;

    @TestHTTPResource("/")
    URL gateway;

    /** Every log record of the gateway's JVM that speaks of a buffer's reference count. */
    private static final class ReferenceCountErrors extends Handler {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(LogRecord record) {
            String text = record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown().toString());
            if (text.contains("IllegalReferenceCount") || text.contains("refCnt")) {
                seen.add(record.getLoggerName() + ": " + text);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void clientsAbandoningTheirRequestsNeitherOpenTheCircuitNorTouchAnyoneElsesAnswer() throws Exception {
        ReferenceCountErrors referenceCountErrors = new ReferenceCountErrors();
        Logger.getLogger("").addHandler(referenceCountErrors);
        String aborter = Tokens.of("aborting-client", "ars");
        String patient = Tokens.of("patient-client", "ars");
        ExecutorService pool = Executors.newFixedThreadPool(12);
        AtomicInteger aborted = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        AtomicBoolean storming = new AtomicBoolean(true);
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        try {
            List<java.util.concurrent.Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                workers.add(pool.submit(() -> {
                    while (aborted.get() < ABORTS) {
                        abortOne(aborter, aborted.incrementAndGet());
                    }
                    return null;
                }));
            }
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            for (int i = 0; i < 4; i++) {
                int client = i;
                workers.add(pool.submit(() -> {
                    for (int n = 0; storming.get() || n < 5; n++) {
                        String probe = "patient-" + client + "-" + n;
                        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                                URI.create(gateway + "api/test/abort/answer?bytes=" + ANSWER_BYTES))
                                .header("Authorization", "Bearer " + patient).header("X-Probe", probe)
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            wrong.add(probe + ": HTTP " + response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8));
                        } else if (!Arrays.equals(FakeUpstream.body(probe, ANSWER_BYTES), response.body())) {
                            wrong.add(probe + ": a body that is not its own");
                        }
                        served.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (int i = 0; i < 8; i++) {
                workers.get(i).get(120, TimeUnit.SECONDS);
            }
            storming.set(false);
            for (int i = 8; i < workers.size(); i++) {
                workers.get(i).get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
            Logger.getLogger("").removeHandler(referenceCountErrors);
        }

        assertEquals(List.of(), wrong, "every other client's answer is a 200 with exactly its own body");
        assertTrue(served.get() >= 20, "the patient clients were served during the storm: " + served.get());
        assertEquals(List.of(), referenceCountErrors.seen, "no buffer is released twice");
        Management.given().when().get("/q/health/well").then()
                .body("checks.find { it.name == 'upstream abort-test' }.data.breaker", equalTo("CLOSED"));
    }

    /** Sends a request, then leaves with a reset: before the answer, or after a few kilobytes of it. */
    private void abortOne(String token, int n) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try (Socket socket = new Socket(gateway.getHost(), gateway.getPort())) {
            socket.setSoLinger(true, 0); // close = RST, as a killed client does
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/test/abort/answer?bytes=262144&delayMs=" + random.nextInt(20) + " HTTP/1.1\r\n"
                    + "Host: " + gateway.getHost() + ":" + gateway.getPort() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\n"
                    + "X-Probe: aborted-" + n + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (n % 2 == 0) {
                Thread.sleep(random.nextInt(10));
                return; // before the answer
            }
            InputStream in = socket.getInputStream();
            int wanted = 1 + random.nextInt(16 * 1024);
            byte[] buffer = new byte[4096];
            for (int read = 0; read < wanted;) {
                int r;
                try {
                    r = in.read(buffer);
                } catch (java.net.SocketTimeoutException e) {
                    break; // a short answer (an error) was all there was
                }
                if (r < 0) {
                    break;
                }
                read += r;
            }
        }
    }
}
