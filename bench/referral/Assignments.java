import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Capacity-safe assignment under contention: one ACTIVE doctor with PLACES places, HOUSEHOLDS
 * registered referral requests, then every assignment fired at once from 100 threads. Exactly PLACES
 * must succeed and the others get 409; prints the counts, the places left and the wall time, and
 * exits 1 when the counts are wrong.
 *
 * Usage: java bench/referral/Assignments.java BASE_URL CNMSS_TOKEN [PLACES=50] [HOUSEHOLDS=500]
 */
public class Assignments {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern REMAINING_PLACES = Pattern.compile("\"remainingPlaces\"\\s*:\\s*(\\d+)");

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
        }
        System.exit(1); // run exits with its verdict; here it failed, and the HTTP client's threads would keep the JVM up
    }

    private static void run(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int places = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int households = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

        String rpps = withLuhnKey("3" + String.format(Locale.ROOT, "%09d", Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)));
        String doctor = id(send(client, post(base + "/api/v1/doctors", token, String.format(Locale.ROOT, """
                {"rpps":"%s","lastName":"Assignation","firstName":"Élise","profession":"PHYSICIAN","specialty":"GENERAL_PRACTICE",
                 "practiceLocations":[{"address":"1 place de la Liberté","postalCode":"83000","communeCode":"83137"}],
                 "teleconsultation":false,"languages":["fr"],
                 "capacity":{"acceptingNewPatients":true,"remainingPlaces":%d,"confirmedOn":"%s"}}""", rpps, places, LocalDate.now()))
                .build(), 201));
        send(client, post(base + "/api/v1/doctors/" + doctor + "/charter-transitions", token, "{\"to\":\"ACTIVE\"}")
                .header("If-Match", "\"0\"").build(), 200);

        List<String> requests = new ArrayList<>();
        // Consecutive case numbers from a random first one: distinct within the run (a random one each collided).
        long firstCase = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 900_000L);
        for (int i = 0; i < households; i++) {
            // One person per household needs a GP: each assignment takes one place.
            requests.add(id(send(client, post(base + "/api/v1/referral-requests", token, "{\"caseReference\":\"" + String.format(Locale.ROOT,
                    "CNMSS-83-%d-%06d", LocalDate.now().getYear(), firstCase + i)
                    + "\",\"destinationCommuneCode\":\"83137\",\"relocationDate\":\"" + LocalDate.now().plusDays(20)
                    + "\",\"householdSize\":4,\"needs\":[{\"specialty\":\"GENERAL_PRACTICE\",\"people\":1}]}")
                    .build(), 201)));
        }

        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (String request : requests) {
            HttpRequest assign = post(base + "/api/v1/referral-requests/" + request + "/assignment", token,
                    "{\"doctorId\":\"" + doctor + "\",\"need\":\"GENERAL_PRACTICE\"}").header("If-Match", "\"0\"").build();
            results.add(pool.submit(() -> {
                start.await();
                return client.send(assign, HttpResponse.BodyHandlers.discarding()).statusCode();
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int ok = 0;
        int conflicts = 0;
        int other = 0;
        for (Future<Integer> result : results) {
            int status = result.get();
            if (status == 200) {
                ok++;
            } else if (status == 409) {
                conflicts++;
            } else {
                other++;
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        String view = send(client, HttpRequest.newBuilder(URI.create(base + "/api/v1/doctors/" + doctor))
                .header("Authorization", "Bearer " + token).GET().build(), 200);
        Matcher left = REMAINING_PLACES.matcher(view);
        System.out.printf(Locale.ROOT, "%d parallel assignments (100 client threads) on %d places: %d succeeded, %d got 409,"
                + " %d other, %s places left, %.2f s%n", households, places, ok, conflicts, other,
                left.find() ? left.group(1) : "?", seconds);
        System.exit(ok == places && conflicts == households - places ? 0 : 1);
    }

    static HttpRequest.Builder post(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    }

    static String send(HttpClient client, HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String id(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + body);
        }
        return m.group(1);
    }

    /** The RPPS check key (Luhn), as the service verifies it. */
    static String withLuhnKey(String digits) {
        for (int key = 0; key < 10; key++) {
            String candidate = digits + key;
            int sum = 0;
            for (int i = candidate.length() - 1, n = 0; i >= 0; i--, n++) {
                int digit = candidate.charAt(i) - '0';
                sum += n % 2 == 1 ? (digit * 2 > 9 ? digit * 2 - 9 : digit * 2) : digit;
            }
            if (sum % 10 == 0) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(digits);
    }
}
