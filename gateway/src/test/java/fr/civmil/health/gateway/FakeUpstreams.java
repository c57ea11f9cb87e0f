package fr.civmil.health.gateway;

import java.util.List;

/** The fake services a test runs against. */
public record FakeUpstreams(FakeUpstream zones, FakeUpstream partnership, FakeUpstream referralA, FakeUpstream referralB) {

    List<FakeUpstream> all() {
        return List.of(zones, partnership, referralA, referralB);
    }
}
