package fr.civmil.health.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void quotesOnlyWhatNeedsItAndWritesNullsEmpty() {
        assertEquals("name,note,count\r\nDr Anne Martin,\"dit \"\"oui\"\", puis non\",3\r\n\"deux\r\nlignes\",,\r\n",
                CsvTable.RFC_4180.write(List.of("name", "note", "count"),
                        List.of(List.of("Dr Anne Martin", "dit \"oui\", puis non", 3), Arrays.asList("deux\r\nlignes", null, null))));
    }

    @Test
    void theFrenchDialectSeparatesWithSemicolonsSoDecimalCommasStay() {
        assertEquals("Jours;Montant (EUR)\n0,5;100,00\n",
                CsvTable.FRENCH_SPREADSHEET.write(List.of("Jours", "Montant (EUR)"), List.of(List.of("0,5", "100,00"))));
    }

    @Test
    void aTextASpreadsheetWouldRunIsNeutralisedButNumbersAreNot() {
        assertEquals("'=HYPERLINK(\"x\")", CsvTable.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+33 6", CsvTable.cell("+33 6"));
        assertEquals("'@SUM(A1)", CsvTable.cell("@SUM(A1)"));
        assertEquals("'-cmd", CsvTable.cell("-cmd"));
        assertEquals("-12.5", CsvTable.cell("-12.5"));
        assertEquals("-12,50", CsvTable.cell("-12,50"));
        assertEquals("12", CsvTable.cell(12));
    }
}
