package fr.civmil.health.platform.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsvRecordsTest {

    @Test
    void readsQuotedSeparatorsQuotesAndLineBreaksWithTheLineEachRecordStartsOn() {
        String csv = "\uFEFFname,address,note\r\n"
                + "Martin,\"12 rue de la République\nBâtiment B\",\"a, b\"\r\n"
                + "\r\n"
                + "Durand,\"say \"\"hi\"\"\",\n"
                + "Petit,plain,last";
        try (CsvRecords records = CsvRecords.read(csv)) {
            assertEquals(List.of("name", "address", "note"), records.header());
            List<CsvRecords.Record> all = new ArrayList<>();
            records.forEachRemaining(all::add);
            assertEquals(3, all.size());
            assertEquals(new CsvRecords.Record(2, List.of("Martin", "12 rue de la République\nBâtiment B", "a, b")), all.get(0));
            assertEquals(new CsvRecords.Record(5, List.of("Durand", "say \"hi\"", "")), all.get(1));
            assertEquals(6, all.get(2).line());
            assertEquals(Map.of("name", "Petit", "address", "plain", "note", "last"), all.get(2).asMap(records.header()));
        }
    }

    @Test
    void anEmptyFileHasNoHeaderAndNoRecord() {
        try (CsvRecords records = CsvRecords.read("")) {
            assertEquals(List.of(), records.header());
            assertFalse(records.hasNext());
        }
    }

    @Test
    void otherSeparators() {
        try (CsvRecords records = CsvRecords.read(new java.io.StringReader("a;b\n\"1;2\";3\n"), ';')) {
            assertEquals(List.of("1;2", "3"), records.next().values());
        }
    }

    @Test
    void aQuoteNeverClosedNamesTheLineItOpensOn() {
        try (CsvRecords records = CsvRecords.read("a,b\n1,2\n3,\"open\n4,5\n")) {
            assertEquals(2, records.next().line());
            CsvRecords.MalformedCsv e = assertThrows(CsvRecords.MalformedCsv.class, records::next);
            assertEquals(3, e.line());
            assertFalse(records.hasNext());
        }
    }

    /** Not a benchmark: one timing of 100,000 rows, printed for the record. */
    @Test
    void streamsAHundredThousandRows() {
        StringBuilder csv = new StringBuilder("rpps,lastName,address,postalCode\n");
        for (int i = 0; i < 100_000; i++) {
            csv.append(10_000_000_000L + i).append(",Martin,\"").append(i).append(" rue de la République\",83000\n");
        }
        long started = System.nanoTime();
        int count = 0;
        try (CsvRecords records = CsvRecords.read(csv.toString())) {
            while (records.hasNext()) {
                records.next();
                count++;
            }
        }
        assertEquals(100_000, count);
        System.out.printf("CsvRecords: 100000 rows (%d kB) in %d ms%n", csv.length() / 1024, (System.nanoTime() - started) / 1_000_000);
    }
}
