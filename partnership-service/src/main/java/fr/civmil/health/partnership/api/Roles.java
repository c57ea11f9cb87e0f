package fr.civmil.health.partnership.api;

/** The roles of the suite's tokens (groups claim). */
public final class Roles {

    public static final String ARS = "ars";
    public static final String SSA = "ssa";
    public static final String CNMSS = "cnmss";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
