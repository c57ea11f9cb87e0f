package fr.civmil.health.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * What the gateway enforces in front of the routes: quotas, the circuit breaker, the body limit, CORS and
 * the audit writer. Example:
 * <pre>
 * civmil.edge.quota.default.capacity=200
 * civmil.edge.quota.default.per-second=100
 * civmil.edge.quota.roles.auditor.capacity=50
 * civmil.edge.quota.routes.referral-network-service.capacity=100
 * civmil.edge.cors.origins=https://backoffice.cnmss.example
 * </pre>
 */
@ConfigMapping(prefix = "civmil.edge")
public interface EdgeConfig {

    Quota quota();

    QuotaSharing quotaSharing();

    Breaker breaker();

    Cors cors();

    Audit audit();

    /**
     * Access rules for routes added by configuration, checked after the built-in table
     * (security/AccessPolicy), e.g. {@code civmil.edge.policy.reports.pattern=/api/v1/reports/**}.
     */
    Map<String, PolicyRule> policy();

    /** Largest request body accepted (declared by Content-Length or counted while streaming): 413 beyond. */
    @WithDefault("10M")
    MemorySize maxBodySize();

    interface Quota {

        /** The limit of a client on a route when neither the route nor one of its roles has one. */
        @WithName("default")
        Limit defaults();

        /** Limits by role; a client with several roles gets the most generous. */
        Map<String, Limit> roles();

        /** Limits by route name; they win over role limits. */
        Map<String, Limit> routes();

        /**
         * How long a refused request waits for its 429, without holding a thread (a timer): a client far over
         * its quota then costs the gateway little, since each of its connections sends at most one request per
         * delay, and the other clients keep the CPU. 0 answers at once.
         */
        @WithDefault("50ms")
        Duration refusalDelay();
    }

    /** How gateway replicas hold the quotas together, through the database they share. */
    interface QuotaSharing {

        /** Off for a single gateway that needs no database round trip for quotas. */
        @WithDefault("true")
        boolean enabled();

        /**
         * How often each gateway tells the others what it let through and hears what they did: a client
         * spread over n gateways may exceed its quota by about what n - 1 of them let through in one interval.
         */
        @WithDefault("200ms")
        Duration interval();
    }

    /** A token bucket: up to {@code capacity} requests in a burst, refilled at {@code perSecond}. */
    interface Limit {

        int capacity();

        double perSecond();
    }

    interface PolicyRule {

        /** HTTP methods (GET, HEAD, POST, PUT, PATCH, DELETE). */
        List<String> methods();

        /** An exact path, or a prefix followed by /** for the prefix and everything below it. */
        String pattern();

        List<String> roles();
    }

    interface Breaker {

        /**
         * The share of failures over {@code window} that opens the circuit of an upstream instance (ejects it):
         * connection refused or broken, timed out, or the instance answering 502, 503 or 504 (not 500: a bug in
         * one request, not an unavailable service).
         */
        @WithDefault("0.5")
        double failureRatio();

        /** Outcomes the window must hold before the ratio is judged (a first failure alone ejects nobody). */
        @WithDefault("5")
        int minimumCalls();

        /** How far back outcomes count. */
        @WithDefault("10s")
        Duration window();

        /** How long an ejected instance gets no request before one probe request is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Cors {

        /** Origins (scheme://host[:port]) allowed to call the API from a browser; none by default. */
        Optional<List<String>> origins();

        @WithDefault("10m")
        Duration maxAge();
    }

    interface Audit {

        /** Records waiting to be written; beyond this, records are dropped (and counted) rather than slowing requests. */
        @WithDefault("100000")
        int queueCapacity();

        /**
         * Most records written per COPY, each COPY a transaction. Few large batches rather than many small
         * ones: under bench/gateway's 32 connections, frequent batches lengthened the request path's tail on a
         * small machine (at one connection the batching made no difference: docs/performance.md).
         */
        @WithDefault("2000")
        int batchSize();

        /** How long a record may wait before its batch is written: what a crash can lose of the trail. */
        @WithDefault("250ms")
        Duration flushInterval();
    }
}
