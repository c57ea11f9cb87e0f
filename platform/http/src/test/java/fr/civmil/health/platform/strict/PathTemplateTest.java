package fr.civmil.health.platform.strict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathTemplateTest {

    @Test
    void aTemplateMatchesItsPathsWithAnyParameterAndAnOptionalTrailingSlash() {
        PathTemplate sites = PathTemplate.of("/api/v1/priority-zones/{id}/sites");
        assertTrue(sites.matches("/api/v1/priority-zones/0193-ab/sites"));
        assertTrue(sites.matches("/api/v1/priority-zones/0193-ab/sites/"));
        assertFalse(sites.matches("/api/v1/priority-zones/0193-ab/sites/x"));
        assertFalse(sites.matches("/api/v1/priority-zones//sites"));
        assertFalse(sites.matches("/api/v1/priority-zone/0193-ab/sites"));
        assertFalse(sites.matches("/api/v2/priority-zones/0193-ab/sites"));

        PathTemplate list = PathTemplate.of("/api/v1/doctors");
        assertTrue(list.matches("/api/v1/doctors"));
        assertTrue(list.matches("/api/v1/doctors/"));
        assertFalse(list.matches("/api/v1/doctors-x"));
        assertFalse(list.matches("/api/v1/doctor"));
    }

    @Test
    void aParameterWithItsOwnExpressionMayStandFirst() {
        PathTemplate insee = PathTemplate.of("/{code: [0-9]{5}}/communes");
        assertTrue(insee.matches("/31555/communes"));
        assertFalse(insee.matches("/3155/communes"));
    }

    @Test
    void theTemplateWithMoreLiteralTextIsThePathsOwn() {
        PathTemplate byId = PathTemplate.of("/api/v1/doctors/{id}");
        PathTemplate imports = PathTemplate.of("/api/v1/doctors/imports");
        assertTrue(byId.matches("/api/v1/doctors/imports") && imports.matches("/api/v1/doctors/imports"));
        assertTrue(imports.moreSpecificThan(byId));
        assertFalse(byId.moreSpecificThan(imports));
    }
}
