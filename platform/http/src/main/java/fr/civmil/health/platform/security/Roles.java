package fr.civmil.health.platform.security;

import java.util.Comparator;
import java.util.List;

/**
 * The roles of DESIGN §6, as the issuer puts them in the {@code groups} claim: the regional health agency
 * ({@code ars}), the military health service ({@code ssa}), the military health insurance fund's back office
 * ({@code cnmss}), read-only {@code auditor}, and {@code admin}. Which role may call what is declared by
 * {@code @RolesAllowed} on each operation, published as {@code x-roles} in the OpenAPI documents and mirrored by
 * the gateway's policy; a test compares the three.
 */
public final class Roles {

    public static final String ARS = "ars";
    public static final String SSA = "ssa";
    public static final String CNMSS = "cnmss";
    public static final String AUDITOR = "auditor";
    public static final String ADMIN = "admin";

    /** Every role, in the order the documentation lists them. */
    public static final List<String> ALL = List.of(ARS, SSA, CNMSS, AUDITOR, ADMIN);

    /** Sorts roles as {@link #ALL} lists them (unknown roles last, by name). */
    public static final Comparator<String> ORDER = Comparator.<String> comparingInt(
            role -> ALL.indexOf(role) < 0 ? Integer.MAX_VALUE : ALL.indexOf(role)).thenComparing(Comparator.naturalOrder());

    private Roles() {
    }
}
