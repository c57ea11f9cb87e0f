package fr.civmil.health.platform.concurrency;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import fr.civmil.health.platform.problem.ApiProblem;

/**
 * Optimistic concurrency over HTTP: reads return {@code ETag: "<version>"}; updates must send it
 * back in {@code If-Match} (428 when missing or {@code *}, 412 when the resource changed since). {@code *} ("any
 * version") is refused: every update of the suite must say which version it was made from.
 */
public final class Etags {

    private Etags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with a view of a resource and the ETag of the version it shows. */
    public static Response ok(Object view, long version) {
        return Response.ok(view).header(HttpHeaders.ETAG, of(version)).build();
    }

    /** 201 at {@code location} with the new resource's view and the ETag of its first version. */
    public static Response created(String location, Object view, long version) {
        return Response.created(URI.create(location)).header(HttpHeaders.ETAG, of(version)).entity(view).build();
    }

    /** Checks an {@code If-Match} header against the current version of the resource. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            throw new ApiProblem(428, "precondition-required");
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(current)) {
                return;
            }
        }
        throw new ApiProblem(412, "precondition-failed", new Object[] { current }, List.of(), Map.of("ETag", current));
    }
}
