package fr.civmil.health.zones.config;

import java.math.BigDecimal;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The allowance a volunteer doctor receives for a completed mission, on top of the consultations' fees: an amount
 * per full day (half of it for a half-day), by campaign when the ARS sets one, else the default.
 */
@ConfigMapping(prefix = "civmil.allowances")
public interface AllowanceRules {

    /** Euros per full day of consultation. */
    @WithDefault("200")
    BigDecimal dailyAmount();

    /** Euros per full day for a given campaign ({@code civmil.allowances.campaigns."pacte-2025"=200}). */
    Map<String, BigDecimal> campaigns();

    default BigDecimal dailyAmount(String campaign) {
        return campaigns().getOrDefault(campaign, dailyAmount());
    }
}
