package fr.civmil.health.partnership.events;

import fr.civmil.health.partnership.domain.Feed;

/**
 * A projection changed what a feed counts in a région: fired synchronously (a CDI event), so the automatic
 * indicators following it are recomputed in the consumer's transaction without the projection calling a service.
 */
public record FeedUpdated(Feed feed, String regionCode) {
}
