package fr.civmil.health.gateway;

import java.util.List;

/** The fake services a test runs against; {@code fragile} serves a test route whose circuit breaker tests open. */
public record FakeUpstreams(FakeUpstream zones, FakeUpstream partnership, FakeUpstream referralA, FakeUpstream referralB,
        FakeUpstream fragile) {

    List<FakeUpstream> all() {
        return List.of(zones, partnership, referralA, referralB, fragile);
    }
}
