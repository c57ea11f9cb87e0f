package fr.civmil.health.referral;

import fr.civmil.health.devstack.testing.ProblemTextsContract;

/** Every problem text and validation message of referral-network-service in English and French; every raised key written. */
class ProblemTextsTest extends ProblemTextsContract {
}
