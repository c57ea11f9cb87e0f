package fr.civmil.health.gateway.security;

import java.util.Set;

/** The roles of DESIGN §6, as the issuer puts them in the {@code groups} claim. */
public final class Roles {

    public static final String ARS = "ars";
    public static final String SSA = "ssa";
    public static final String CNMSS = "cnmss";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    public static final Set<String> ALL = Set.of(ARS, SSA, CNMSS, AUDITOR, ADMIN);

    private Roles() {
    }
}
