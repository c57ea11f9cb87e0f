package fr.civmil.health.referral.api;

/** The roles of the dev issuer and of production tokens (groups claim). */
public final class Roles {

    private Roles() {
    }

    public static final String ARS = "ars";
    public static final String SSA = "ssa";
    public static final String CNMSS = "cnmss";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";
}
