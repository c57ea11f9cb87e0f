package fr.civmil.health.devstack.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import fr.civmil.health.devstack.TestInfrastructure;
import fr.civmil.health.devstack.testing.FuzzCases.Case;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The schema-driven fuzz test every service runs (issue 11): the served OpenAPI document is read with
 * swagger-parser, and for every operation {@link FuzzCases} derives requests from its parameters and body schema,
 * with values drawn by jqwik's generators. Each invalid request (wrong type or format, out of range, unknown enum
 * value, missing required field, oversized, control characters, empty or repeated parameter, unknown property or
 * parameter) must get a 4xx problem+json naming the field, and must change nothing: a checksum of every table of the
 * service's database is taken before and after each operation's invalid requests. Each valid request (typical
 * values, then the longest valid value of every bounded string and enum) must be accepted or refused by a documented
 * domain answer, never a 5xx nor a 400.
 * <p>
 * Bounded for the build (one round with a fixed seed); {@code -Pfuzz} runs {@code civmil.fuzz.rounds} rounds with
 * fresh seeds and appends its figures to {@code target/fuzz-report.txt}.
 */
public abstract class SchemaFuzzContract {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    @Test
    void invalidRequestsAreRefusedByNameAndChangeNothingWhileValidOnesAreAccepted() throws Exception {
        String served = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        OpenAPI document = new OpenAPIV3Parser().readContents(ContractValidation.expandNullableReferences(served), null, options)
                .getOpenAPI();
        int rounds = Integer.getInteger("civmil.fuzz.rounds", 1);
        long firstSeed = Long.getLong("civmil.fuzz.seed", 20261203L);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> statuses = new TreeMap<>();
        int requests = 0;
        int serverErrors = 0;
        int stateChanges = 0;
        // jqwik's generators outside its own engine: a session holds what they memoize.
        JqwikSession.start();
        try (DatabaseState database = DatabaseState.open(ConfigProvider.getConfig(), tablesEveryRequestWrites())) {
            for (int round = 0; round < rounds; round++) {
                long seed = firstSeed + round;
                FuzzCases cases = new FuzzCases(new Random(seed));
                for (Map.Entry<String, io.swagger.v3.oas.models.PathItem> path : document.getPaths().entrySet()) {
                    for (Map.Entry<io.swagger.v3.oas.models.PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap()
                            .entrySet()) {
                        String method = entry.getKey().name();
                        Operation operation = entry.getValue();
                        String role = role(operation);
                        failures.addAll(cases.contractGaps(method, path.getKey(), operation));

                        Map<String, Long> before = database.settledChecksums();
                        for (Case invalid : cases.invalid(method, path.getKey(), operation)) {
                            requests++;
                            ExtractableResponse<Response> answer = send(invalid, role, failures);
                            if (answer == null) {
                                continue;
                            }
                            statuses.merge(answer.statusCode() + "", 1, Integer::sum);
                            serverErrors += answer.statusCode() >= 500 ? 1 : 0;
                            String failure = FuzzCases.judgeInvalid(invalid, answer.statusCode(), answer.contentType(),
                                    answer.body().asString());
                            if (failure != null) {
                                failures.add("seed " + seed + ": " + failure);
                            }
                        }
                        Map<String, Long> after = database.checksums();
                        if (!before.equals(after)) {
                            stateChanges++;
                            failures.add("seed " + seed + ": invalid requests to " + method + " " + path.getKey() + " changed "
                                    + DatabaseState.changedTables(before, after));
                        }

                        for (Case valid : cases.valid(method, path.getKey(), operation)) {
                            requests++;
                            ExtractableResponse<Response> answer = send(valid, role, failures);
                            if (answer != null && answer.statusCode() == 400
                                    && FuzzCases.refusedForDatesOnly(operation, answer.body().asString())) {
                                requests++;
                                answer = send(valid.pastDated(), role, failures);
                            }
                            if (answer == null) {
                                continue;
                            }
                            statuses.merge(answer.statusCode() + "", 1, Integer::sum);
                            serverErrors += answer.statusCode() >= 500 ? 1 : 0;
                            String failure = FuzzCases.judgeValid(valid, operation, answer.statusCode(), answer.body().asString());
                            if (failure != null) {
                                failures.add("seed " + seed + ": " + failure);
                            }
                        }
                    }
                }
            }
        } finally {
            JqwikSession.finish();
        }
        report(rounds, firstSeed, requests, serverErrors, stateChanges, statuses, failures.size());
        assertTrue(requests > 0, "the document has no operation");
        assertTrue(failures.isEmpty(), failures.size() + " failures, the first ones:\n"
                + String.join("\n", failures.stream().distinct().limit(80).toList()));
    }

    /** Tables that record every request, refused or not (the gateway's audit trail): left out of the checksum. */
    protected Set<String> tablesEveryRequestWrites() {
        return Set.of();
    }

    /** The answer, or null when it breaks the OpenAPI contract (ContractValidation checks every exchange). */
    private static ExtractableResponse<Response> send(Case request, String role, List<String> failures) {
        RequestSpecification spec = given().urlEncodingEnabled(false).auth().oauth2(token(role));
        if (request.contentType() != null) {
            spec = spec.contentType(request.contentType());
        }
        if (request.body() != null) {
            spec = spec.body(request.body());
        }
        try {
            return spec.request(request.method(), request.uri()).then().extract();
        } catch (AssertionError broken) {
            failures.add(request + ": " + broken.getMessage());
            return null;
        }
    }

    /** The first role the operation lists: the fuzz is about what a request contains, not who sends it. */
    private static String role(Operation operation) {
        Object roles = operation.getExtensions() == null ? null : operation.getExtensions().get("x-roles");
        if (roles instanceof List<?> list && !list.isEmpty()) {
            return String.valueOf(list.get(0));
        }
        return "admin";
    }

    private static String token(String role) {
        return TOKENS.computeIfAbsent(role, r -> TestInfrastructure.token("dev-" + r, r));
    }

    private void report(int rounds, long seed, int requests, int serverErrors, int stateChanges, Map<String, Integer> statuses,
            int failures) throws java.io.IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("suite", getClass().getSimpleName());
        line.put("rounds", rounds);
        line.put("firstSeed", seed);
        line.put("requests", requests);
        line.put("serverErrors", serverErrors);
        line.put("stateChangesFromInvalidRequests", stateChanges);
        line.put("failures", failures);
        line.put("statuses", statuses);
        String text = line + System.lineSeparator();
        System.out.print("Schema fuzz: " + text);
        Path report = Path.of("target", "fuzz-report.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
