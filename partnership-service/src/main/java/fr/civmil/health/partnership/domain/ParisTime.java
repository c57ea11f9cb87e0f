package fr.civmil.health.partnership.domain;

import java.time.LocalDate;
import java.time.ZoneId;

/** Due dates and review dates are French calendar dates. */
public final class ParisTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private ParisTime() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
