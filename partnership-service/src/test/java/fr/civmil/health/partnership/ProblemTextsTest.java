package fr.civmil.health.partnership;

import fr.civmil.health.devstack.testing.ProblemTextsContract;

/** Every problem text and validation message of partnership-service in English and French; every raised key written. */
class ProblemTextsTest extends ProblemTextsContract {
}
