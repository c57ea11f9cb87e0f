package fr.civmil.health.gateway;

import fr.civmil.health.devstack.testing.ProblemTextsContract;

/** Every problem text and validation message of the gateway in English and French; every raised key written. */
class ProblemTextsTest extends ProblemTextsContract {
}
