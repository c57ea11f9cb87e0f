package fr.civmil.health.zones.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How referral-network-service's doctor events are read. */
@ConfigMapping(prefix = "civmil.referral")
public interface ReferralRules {

    /** Charter statuses under which a referenced doctor counts in a zone's coverage. */
    @WithDefault("ACTIVE")
    Set<String> activeCharterStatuses();
}
