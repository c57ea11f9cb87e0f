package fr.civmil.health.zones.api;

/** The role matrix of this service: the ARS (and administrators) write; every authenticated role reads. */
final class Roles {

    static final String ARS = "ars";
    static final String ADMIN = "admin";
    static final String SSA = "ssa";
    static final String CNMSS = "cnmss";
    static final String AUDITOR = "auditor";

    private Roles() {
    }
}
