package fr.civmil.health.zones.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * What an ARS officially announced for a campaign in its région, to show how much of it is loaded.
 * Occitanie, pacte-2025: "28 intercommunalités … 323 497 habitants, soit environ 5,3% de la population"
 * (ARS Occitanie press release "28 zones prioritaires pour l'accès aux soins et la solidarité territoriale").
 */
public final class AnnouncedDesignations {

    /** The figures as announced, the share of the région's population included (as the ARS computed it). */
    public record Announcement(int zoneCount, long population, BigDecimal shareOfRegionPopulation, String source) {
    }

    private static final Map<String, Announcement> BY_REGION_AND_CAMPAIGN = Map.of(
            "76/pacte-2025", new Announcement(28, 323_497, new BigDecimal("5.3"),
                    "ARS Occitanie press release '28 zones prioritaires pour l'accès aux soins et la solidarité territoriale en Occitanie' (2025)"));

    private AnnouncedDesignations() {
    }

    public static Optional<Announcement> of(String regionCode, String campaign) {
        return Optional.ofNullable(BY_REGION_AND_CAMPAIGN.get(regionCode + "/" + campaign));
    }
}
