package fr.civmil.health.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import fr.civmil.health.referral.domain.PersonalData.Finding;

class PersonalDataTest {

    @ParameterizedTest
    @ValueSource(strings = { "CNMSS-185057800608436", "NIR-1850578006084", "1850783137123", "185078313712345",
            "1.85.07.83.137.123.45", "185072A13712345", "2 85 05 2b 006 084", "Mutation annulée, NIR 1 85 05 78 006 084 36 transmis",
            "dossier 185057800608436/2026", "ref_1_85_05_78_006_084" })
    void findsANirAnywhere(String text) {
        assertEquals(Finding.NIR, PersonalData.find(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "CNMSS-83-2026-000417", "Mutation annulée le 2026-12-15", "Tél. 04 94 00 00 00",
            "0000000000000", "5850578006084", "1851378006084", "1850500006084", "1850578000084", "1850578006000",
            "RPPS 10003456786 complet", "Le foyer a choisi un médecin hors réseau" })
    void leavesOtherNumbersAlone(String text) {
        assertEquals(Finding.NONE, PersonalData.find(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "DUPONT-Jean", "Jean DUPONT a choisi", "Demande de M. Dupont", "Mme Martin mutée",
            "Le foyer suit Dr Durand", "voir DURAND Paul", "Monsieur Lefèvre" })
    void findsPersonNameShapes(String text) {
        assertEquals(Finding.PERSON_NAME, PersonalData.find(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Mutation annulée par la DRH", "Décision CNMSS Toulon", "Affectation à Toulon puis Brest",
            "Le foyer a choisi un médecin hors réseau", "Mutation reportée à 2027", "Médecin de la BSPP Paris" })
    void leavesOrdinaryTextAlone(String text) {
        assertEquals(Finding.NONE, PersonalData.find(text), text);
    }
}
