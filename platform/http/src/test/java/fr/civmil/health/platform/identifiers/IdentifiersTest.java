package fr.civmil.health.platform.identifiers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Real identifiers pass, and near misses of them fail. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = { "200044469", "241200807", "200072643", "243200391", "246600548", "356000000" })
    void realSirensOfPriorityEpciAreValid(String siren) {
        assertTrue(Identifiers.isSiren(siren), siren);
    }

    @ParameterizedTest
    @ValueSource(strings = { "200044468", "20004446", "2000444690", "20004446A", "", " 200044469" })
    void corruptedSirensAreInvalid(String siren) {
        assertFalse(Identifiers.isSiren(siren), siren);
    }

    @Test
    void siretChecksTheSirenAndTheKeyWithLaPosteException() {
        assertTrue(Identifiers.isSiret("35600000000048"), "La Poste head office, ordinary Luhn key");
        assertTrue(Identifiers.isSiret("35600000049837"), "a La Poste establishment: digit sum divisible by 5");
        assertFalse(Identifiers.isSiret("35600000049838"));
        String siret = Identifiers.withLuhnKey("2000444690001");
        assertTrue(Identifiers.isSiret(siret), siret);
        assertFalse(Identifiers.isSiret(siret.substring(0, 13) + ((siret.charAt(13) - '0' + 1) % 10)));
        assertFalse(Identifiers.isSiret("20004446800019"), "SIREN part itself invalid");
    }

    @ParameterizedTest
    @ValueSource(strings = { "31555", "09193", "2A004", "2B033", "97411", "97611", "75056", "97502" })
    void inseeCommuneCodesIncludingCorsicaAndOverseas(String code) {
        assertTrue(Identifiers.isInseeCommune(code), code);
    }

    @ParameterizedTest
    @ValueSource(strings = { "20004", "2C004", "00123", "96001", "97901", "3155", "315555", "31 55" })
    void impossibleCommuneCodes(String code) {
        assertFalse(Identifiers.isInseeCommune(code), code);
    }

    @Test
    void departementAndRegionCodesComeFromTheReference() {
        assertTrue(Identifiers.isDepartement("31"));
        assertTrue(Identifiers.isDepartement("2A"));
        assertTrue(Identifiers.isDepartement("974"));
        assertFalse(Identifiers.isDepartement("20"));
        assertFalse(Identifiers.isDepartement("96"));
        assertTrue(Identifiers.isRegion("76"));
        assertFalse(Identifiers.isRegion("73"), "Midi-Pyrénées merged into Occitanie (76) in 2016");
        assertEquals("Occitanie", AdministrativeCodes.regions().get("76").name());
        assertEquals("76", AdministrativeCodes.departements().get("31").regionCode());
        assertEquals(13, AdministrativeCodes.departements().values().stream().filter(d -> d.regionCode().equals("76")).count());
    }

    @Test
    void rppsIsElevenDigitsWithALuhnKey() {
        assertTrue(Identifiers.isRpps("10003456786"));
        assertFalse(Identifiers.isRpps("10003456789"), "wrong key");
        assertFalse(Identifiers.isRpps("10101010101"), "wrong key");
        assertTrue(Identifiers.isRpps("10101010105"));
        assertFalse(Identifiers.isRpps("1000345678"));
        assertFalse(Identifiers.isRpps("1000345678X"));
        assertEquals("10003456786", Identifiers.withLuhnKey("1000345678"));
    }

    @Test
    void finessStartsWithADepartement() {
        assertTrue(Identifiers.isFiness("310781406"), "CHU de Toulouse (31)");
        assertTrue(Identifiers.isFiness("2A0000014"));
        assertTrue(Identifiers.isFiness("9A0000014"), "Guadeloupe");
        assertFalse(Identifiers.isFiness("960000014"));
        assertFalse(Identifiers.isFiness("31078140"));
        assertFalse(Identifiers.isFiness("3107814066"));
    }

    @Test
    void luhnAgreesWithKnownValues() {
        assertTrue(Identifiers.luhn("79927398713"));
        assertFalse(Identifiers.luhn("79927398710"));
    }
}
