package fr.civmil.health.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.civmil.health.platform.persistence.TimeOrderedUuids;

class TimeOrderedUuidsTest {

    @Test
    void isAVersion7UuidCarryingItsCreationTime() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedUuids.next();
        long after = System.currentTimeMillis();
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        long millis = id.getMostSignificantBits() >>> 16;
        assertTrue(millis >= before && millis <= after, id + " carries " + millis);
        // What PostgreSQL compares: the canonical text order is the byte order.
        assertEquals(id, UUID.fromString(id.toString()));
    }

    @Test
    void identifiersOfLaterMillisecondsSortAfterAndNeverRepeat() throws InterruptedException {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertTrue(seen.add(TimeOrderedUuids.next()));
        }
        String first = TimeOrderedUuids.next().toString();
        Thread.sleep(2);
        String later = TimeOrderedUuids.next().toString();
        assertTrue(first.compareTo(later) < 0, first + " should sort before " + later);
    }
}
