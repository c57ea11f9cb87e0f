package fr.civmil.health.referral.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Rules of the referral network that operators tune (application.properties, prefix civmil.referral). */
@ConfigMapping(prefix = "civmil.referral")
public interface ReferralConfig {

    /** Capacity confirmed longer ago than this is shown as UNCONFIRMED and ranked after confirmed ones. */
    @WithDefault("90")
    int capacityMaxAgeDays();

    /** A request without an expected arrival date that nothing was assigned to this long after its registration expires. */
    @WithDefault("P30D")
    Duration requestExpiry();

    /** A request with an expected arrival date that nothing was assigned to expires this many days after the arrival. */
    @WithDefault("60")
    int expiryDaysAfterArrival();

    /** How often the expiry job runs (Quarkus scheduler syntax, e.g. 1m). */
    @WithDefault("1m")
    String expiryCheckEvery();

    /** How many ranked candidates a proposal keeps at most. */
    @WithDefault("50")
    int maxProposals();

    /** How long what the service holds about households is kept (service/Retention, docs/security.md). */
    RetentionPolicy retention();

    interface RetentionPolicy {
        /** Closed, cancelled and expired requests are deleted this many months after they ended. */
        @WithDefault("12")
        int endedRequestsMonths();

        /** Rows of the read audit are deleted this many years after the read. */
        @WithDefault("5")
        int readAuditYears();

        /** How often the purge runs (Quarkus scheduler syntax). */
        @WithDefault("1h")
        String checkEvery();
    }

    /** The cache of directory search answers (service/DirectoryCache). */
    SearchCache searchCache();

    interface SearchCache {
        /** Memory the kept answers may take (an answer of 20 doctors is about 15 KB); 0 turns the cache off. */
        @WithDefault("32M")
        MemorySize maxSize();

        /** How often the generations are read again even without a notification (a safety net). */
        @WithDefault("1s")
        Duration safetyRefresh();
    }
}
