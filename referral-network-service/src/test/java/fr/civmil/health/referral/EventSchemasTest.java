package fr.civmil.health.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each published schema's example conforms to it, and the schemas really refuse household data. */
class EventSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = { "fr.civmil.referral.doctor.referenced.v1", "fr.civmil.referral.doctor.updated.v1",
            "fr.civmil.referral.doctor.charter-status-changed.v1", "fr.civmil.referral.doctor.capacity-changed.v1",
            "fr.civmil.referral.assignment.made.v1", "fr.civmil.referral.assignment.released.v1" })
    void examplesConformToTheirSchema(String type) {
        JsonNode schema = EventSchemas.schema(type);
        assertEquals("urn:civmil:event:" + type, schema.get("$id").asText());
        EventSchemas.assertConforms(type, schema.get("examples").get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "fr.civmil.referral.assignment.made.v1", "fr.civmil.referral.assignment.released.v1" })
    void assignmentSchemasRefuseHouseholdData(String type) throws Exception {
        JsonNode withCase = new ObjectMapper().readTree("{\"departementCode\":\"83\",\"count\":1,\"caseReference\":\"CNMSS-1\"}");
        List<String> violations = EventSchemas.violations(type, withCase);
        assertFalse(violations.isEmpty());
    }
}
