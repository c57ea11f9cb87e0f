package fr.civmil.health.zones;

import fr.civmil.health.devstack.testing.ProblemTextsContract;

/** Every problem text and validation message of zones-service in English and French; every raised key written. */
class ProblemTextsTest extends ProblemTextsContract {
}
