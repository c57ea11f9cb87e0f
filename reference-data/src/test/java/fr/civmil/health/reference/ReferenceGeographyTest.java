package fr.civmil.health.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The packaged reference holds the real geography: spot checks on known places. */
class ReferenceGeographyTest {

    private static final ReferenceGeography GEO = ReferenceGeography.load();

    @Test
    void holdsTheWholeCountry() {
        assertTrue(GEO.communeCount() > 34_000, "communes: " + GEO.communeCount());
        assertTrue(GEO.epciCount() > 1_200, "EPCI: " + GEO.epciCount());
        assertEquals(13, GEO.departements("76").size(), "Occitanie has 13 départements");
        assertEquals("Occitanie", GEO.region("76").orElseThrow().name());
    }

    @Test
    void communesCarryTheirEpciAndPostalCodes() {
        ReferenceGeography.Commune toulouse = GEO.commune("31555").orElseThrow();
        assertEquals("Toulouse", toulouse.name());
        assertEquals("243100518", toulouse.epciSiren());
        assertEquals("76", toulouse.regionCode());
        assertTrue(toulouse.postalCodes().contains("31000"));
        assertEquals("2A", GEO.commune("2A004").orElseThrow().departementCode(), "Ajaccio");
        assertTrue(GEO.commune("99999").isEmpty());
    }

    @Test
    void priorityEpciResolveWithMembersAndDepartements() {
        ReferenceGeography.Epci mirepoix = GEO.epci("200044469").orElseThrow();
        assertEquals("CC du Pays de Mirepoix", mirepoix.name());
        assertEquals(10584L, mirepoix.population());
        assertEquals(List.of("09"), mirepoix.departementCodes());
        assertEquals("76", mirepoix.regionCode());
        assertTrue(mirepoix.communeCodes().contains("09194"), "Mirepoix itself");
    }

    @Test
    void searchIgnoresAccentsCaseAndPunctuation() {
        assertTrue(GEO.communes("saint gaudens", null, "31").stream().anyMatch(c -> c.name().equals("Saint-Gaudens")));
        assertTrue(GEO.communes(null, "09500", null).stream().anyMatch(c -> c.insee().equals("09194")));
        assertTrue(GEO.epcis("32", "lomagne").stream().anyMatch(e -> e.siren().equals("243200391")));
    }
}
