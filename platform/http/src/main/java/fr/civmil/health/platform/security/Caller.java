package fr.civmil.health.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fr.civmil.health.platform.identifiers.AdministrativeCodes;
import fr.civmil.health.platform.problem.ApiProblem;

/**
 * Who is calling, as the verified token says: its subject (the actor recorded in trails), its roles and, for a
 * regional health agency (ARS) agent, the région its agency covers (claim {@value #REGION_CLAIM}, an INSEE
 * région code). An ARS agent acts on its own région only; {@code admin} is national, and so is the SSA (one
 * national service whose regional directions all answer to it, DESIGN §1).
 */
public record Caller(String subject, Set<String> roles, String regionCode) {

    public static final String REGION_CLAIM = "region";
    /**
     * The OpenAPI extension ({@code @Extension(name = REGION_SCOPED_EXTENSION, value = "true", parseValue = true)}) of
     * the operations whose service checks the région: their 403 then lists {@code outside-region}.
     */
    public static final String REGION_SCOPED_EXTENSION = "x-region-scoped";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller of(JsonWebToken jwt) {
        Object region = jwt.getClaim(REGION_CLAIM);
        return new Caller(jwt.getSubject(), jwt.getGroups() == null ? Set.of() : jwt.getGroups(), region == null ? null : region.toString());
    }

    /** The service itself acting (demo data, a scheduled job): national, with no role. */
    public static Caller system(String name) {
        return new Caller(name, Set.of(), null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Whether this caller's writes are limited to one région: an ARS agent's are, unless the token is also admin. */
    public boolean isRegional() {
        return roles.contains(Roles.ARS) && !roles.contains(Roles.ADMIN);
    }

    /** Refuses (403 {@code outside-region}) a regional caller acting on another région than its own. */
    public void mayActOnRegion(String regionCode) {
        mayActOnRegions(List.of(regionCode));
    }

    /** Refuses (403 {@code outside-region}) a regional caller acting on any région but its own. */
    public void mayActOnRegions(Collection<String> regionCodes) {
        if (!isRegional()) {
            return;
        }
        if (this.regionCode == null) {
            throw ApiProblem.forbidden("outside-region.none", REGION_CLAIM);
        }
        List<String> outside = regionCodes.stream().filter(code -> !this.regionCode.equals(code)).distinct().toList();
        if (!outside.isEmpty()) {
            throw ApiProblem.forbidden("outside-region", describe(this.regionCode), outside.stream().map(Caller::describe).toList());
        }
    }

    /** Refuses a regional caller acting on a département outside its région. */
    public void mayActOnDepartements(Collection<String> departementCodes) {
        mayActOnRegions(departementCodes.stream().map(code -> {
            AdministrativeCodes.Departement departement = AdministrativeCodes.departements().get(code);
            return departement == null ? code : departement.regionCode();
        }).toList());
    }

    private static String describe(String regionCode) {
        AdministrativeCodes.Region region = AdministrativeCodes.regions().get(regionCode);
        return region == null ? regionCode : regionCode + " (" + region.name() + ")";
    }
}
