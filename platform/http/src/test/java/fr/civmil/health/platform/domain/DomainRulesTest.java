package fr.civmil.health.platform.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.civmil.health.platform.problem.ApiProblem;

/** A state machine declared once, and what HTTP makes of a refused domain rule (no Quarkus needed). */
class DomainRulesTest {

    enum Light {
        RED, GREEN, AMBER, OFF
    }

    static final Lifecycle<Light> LIGHT = Lifecycle.of(Light.class, "light")
            .allow(Light.RED, Light.GREEN, Light.OFF)
            .allow(Light.GREEN, Light.AMBER)
            .allow(Light.AMBER, Light.RED)
            .allow(Light.GREEN, Light.OFF);

    @Test
    void aLifecycleAllowsOnlyTheDeclaredStepsAndSaysWhichOnesOtherwise() {
        assertEquals(Set.of(Light.AMBER, Light.OFF), LIGHT.next(Light.GREEN), "steps of one status add up");
        assertTrue(LIGHT.allows(Light.RED, Light.GREEN));
        assertFalse(LIGHT.allows(Light.RED, Light.AMBER));
        LIGHT.requireStep(Light.AMBER, Light.RED);

        DomainException refused = assertThrows(DomainException.class, () -> LIGHT.requireStep(Light.RED, Light.AMBER));
        assertEquals(DomainException.Kind.CONFLICT, refused.kind());
        assertEquals("illegal-light-transition", refused.key());
        assertArrayEquals(new Object[] { Light.RED, Light.AMBER, Set.of(Light.GREEN, Light.OFF) }, refused.args());

        DomainException fromFinal = assertThrows(DomainException.class, () -> LIGHT.requireStep(Light.OFF, Light.RED));
        assertEquals("illegal-light-transition.final", fromFinal.key());
    }

    @Test
    void aLifecycleMayBeRefusedUnderAKeyOfItsOwn() {
        Lifecycle<Light> signal = LIGHT.refusedAs("illegal-transition.signal");
        assertEquals(LIGHT.next(Light.GREEN), signal.next(Light.GREEN));
        assertEquals("illegal-transition.signal", assertThrows(DomainException.class, () -> signal.requireStep(Light.RED, Light.AMBER)).key());
        DomainException fromFinal = assertThrows(DomainException.class, () -> signal.requireStep(Light.OFF, Light.RED));
        assertEquals("illegal-transition.signal.final", fromFinal.key());
        assertEquals("illegal-transition", ApiProblem.of(fromFinal).slug(), "the problem type is the key's first part");
    }

    @Test
    void eachKindOfRefusalIsItsProblem() {
        assertEquals(404, ApiProblem.of(DomainException.notFound("note", 7)).status());
        assertEquals(409, ApiProblem.of(DomainException.conflict("illegal-light-transition.final", Light.OFF, Light.RED)).status());
        assertEquals(422, ApiProblem.of(DomainException.unprocessable("x")).status());
        ApiProblem field = ApiProblem.of(DomainException.invalidField("siren", "field.one-line"));
        assertEquals(400, field.status());
        assertEquals("siren", field.violations(Locale.ENGLISH).get(0).field());
        ApiProblem lines = ApiProblem.of(DomainException.invalid("bad-request", List.of(new DomainException.Violation("line 2", "field.one-line"),
                new DomainException.Violation("line 5", "field.one-line"))));
        assertEquals(400, lines.status());
        assertEquals(List.of("line 2", "line 5"), lines.violations(Locale.ENGLISH).stream().map(v -> v.field()).toList());
    }
}
