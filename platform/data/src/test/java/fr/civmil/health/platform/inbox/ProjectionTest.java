package fr.civmil.health.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Nullable;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProjectionTest {

    private static final String OPENED = "fr.civmil.test.site.opened.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    record SiteOpened(UUID siteId, String kind, @Nullable List<String> communeCodes, @Nullable OffsetDateTime openedAt) {
    }

    static class Sites extends Projection {

        final List<SiteOpened> applied = new ArrayList<>();

        Sites() {
            super("sites", "test.events.v1");
            on(OPENED, SiteOpened.class, (site, event) -> applied.add(site));
        }
    }

    private static CloudEvent event(String type, String data) throws Exception {
        JsonNode node = data == null ? null : JSON.readTree(data);
        return new CloudEvent("1", "/test", type, null, null, null, null, "key", node);
    }

    @Test
    void bindsTheDataToTheRecordIgnoringFieldsItDoesNotName() throws Exception {
        Sites sites = new Sites();
        UUID id = UUID.randomUUID();
        sites.handle(event(OPENED, """
                {"siteId":"%s","kind":"CABINET","communeCodes":["83137"],"openedAt":"2026-12-04T10:15:00+01:00","extra":42}"""
                .formatted(id)));
        SiteOpened site = sites.applied.get(0);
        assertEquals(new SiteOpened(id, "CABINET", List.of("83137"), OffsetDateTime.parse("2026-12-04T10:15:00+01:00")), site);
        assertEquals(Map.of(OPENED, SiteOpened.class), sites.consumes());
    }

    @Test
    void aNullableFieldMayBeAbsent() throws Exception {
        Sites sites = new Sites();
        sites.handle(event(OPENED, "{\"siteId\":\"%s\",\"kind\":\"CABINET\"}".formatted(UUID.randomUUID())));
        assertNull(sites.applied.get(0).communeCodes());
    }

    @Test
    void aRequiredFieldAbsentNullOrBlankIsRefusedByName() {
        Sites sites = new Sites();
        for (String data : List.of("{\"siteId\":\"%s\"}", "{\"siteId\":\"%s\",\"kind\":null}", "{\"siteId\":\"%s\",\"kind\":\" \"}")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> sites.handle(event(OPENED, data.formatted(UUID.randomUUID()))));
            assertEquals("event data has no 'kind'", refused.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> sites.handle(event(OPENED, null)));
        assertTrue(sites.applied.isEmpty());
    }

    @Test
    void aFieldOfAnotherTypeIsRefusedNamingTheRecord() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new Sites().handle(event(OPENED, "{\"siteId\":\"not-a-uuid\",\"kind\":\"CABINET\"}")));
        assertTrue(refused.getMessage().startsWith(OPENED + " data does not fit SiteOpened"), refused.getMessage());
    }

    @Test
    void typesItDoesNotDeclareAreSkipped() throws Exception {
        Sites sites = new Sites();
        sites.handle(event("fr.civmil.test.site.closed.v1", "{}"));
        assertTrue(sites.applied.isEmpty());
    }

    @Test
    void aTypeIsDeclaredOnce() {
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> new Sites() {
            {
                on(OPENED, SiteOpened.class, (site, event) -> {
                });
            }
        });
        assertEquals("sites declares " + OPENED + " twice", twice.getMessage());
    }
}
