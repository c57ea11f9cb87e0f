package fr.civmil.health.gateway.security;

import static fr.civmil.health.platform.security.Roles.ADMIN;
import static fr.civmil.health.platform.security.Roles.ARS;
import static fr.civmil.health.platform.security.Roles.AUDITOR;
import static fr.civmil.health.platform.security.Roles.CNMSS;
import static fr.civmil.health.platform.security.Roles.SSA;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import fr.civmil.health.gateway.config.EdgeConfig;

/**
 * Which roles may call what, checked at the gateway before anything reaches a service. It mirrors the
 * services' own rules (DESIGN §6, issues 3 to 5), which they enforce again. The first rule matching the
 * method and path decides; a request no rule covers is refused (default deny). Routes added by
 * configuration get their rules from {@code civmil.edge.policy.*}, checked after this table. This table is the one
 * source of the gateway's role matrix: docs/security.md shows it (RoleMatrixDocTest), GatewayPolicyTest calls every row
 * with every role, and the clients' GatewayRoleMatrixTest holds it to the services' published x-roles.
 */
@Singleton
public class AccessPolicy {

    static final Set<String> READ = Set.of("GET", "HEAD");
    static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    /** One row: these methods on this path pattern are open to these roles. */
    public record Rule(Set<String> methods, String pattern, Set<String> roles) {

        public Rule {
            if (!pattern.startsWith("/") || pattern.indexOf('*') >= 0 && !pattern.endsWith("/**")) {
                throw new IllegalArgumentException("pattern must be an exact path or end with /**: " + pattern);
            }
        }

        /** "/a/**" covers /a and everything below it, at segment boundaries only. */
        boolean matches(String method, String path) {
            if (!methods.contains(method)) {
                return false;
            }
            if (!pattern.endsWith("/**")) {
                return path.equals(pattern);
            }
            String base = pattern.substring(0, pattern.length() - 3);
            return path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
        }
    }

    private static final Set<String> EVERYONE = Set.of(ARS, SSA, CNMSS, AUDITOR, ADMIN);

    /** The table, in order; docs/security.md shows it (RoleMatrixDocTest keeps them equal). */
    public static final List<Rule> BUILT_IN = List.of(
            // zones-service: writes by ars (and admin); reads by every role.
            new Rule(READ, "/api/v1/territories/**", EVERYONE),
            new Rule(READ, "/api/v1/priority-zones/**", EVERYONE),
            new Rule(WRITE, "/api/v1/priority-zones/**", Set.of(ARS, ADMIN)),
            new Rule(READ, "/api/v1/consultation-sites/**", EVERYONE),
            new Rule(WRITE, "/api/v1/consultation-sites/**", Set.of(ARS, ADMIN)),
            new Rule(READ, "/api/v1/solidarity-missions/**", EVERYONE),
            new Rule(WRITE, "/api/v1/solidarity-missions/**", Set.of(ARS, ADMIN)),
            // partnership-service: ars and ssa write; cnmss reads crisis activations only; auditor reads all.
            new Rule(READ, "/api/v1/partnerships/**", Set.of(ARS, SSA, AUDITOR, ADMIN)),
            new Rule(WRITE, "/api/v1/partnerships/**", Set.of(ARS, SSA, ADMIN)),
            new Rule(READ, "/api/v1/crisis-activations/**", EVERYONE),
            new Rule(WRITE, "/api/v1/crisis-activations/**", Set.of(ARS, SSA, ADMIN)),
            // referral-network-service: cnmss writes the directory, which everyone else reads; referral
            // requests of military households are cnmss's alone (admin and auditor included out).
            new Rule(READ, "/api/v1/doctors/**", EVERYONE),
            new Rule(WRITE, "/api/v1/doctors/**", Set.of(CNMSS, ADMIN)),
            // Their read audit is for auditors (before the rule reserving the requests to cnmss).
            new Rule(READ, "/api/v1/referral-requests/audit", Set.of(AUDITOR, ADMIN)),
            new Rule(ANY, "/api/v1/referral-requests/**", Set.of(CNMSS)),
            new Rule(READ, "/api/v1/coverage/**", EVERYONE),
            // The gateway's own audit trail.
            new Rule(READ, "/api/v1/audit", Set.of(AUDITOR, ADMIN)),
            new Rule(READ, "/api/v1/audit/quota-refusals", Set.of(AUDITOR, ADMIN)));

    private final List<Rule> rules;

    @Inject
    public AccessPolicy(EdgeConfig config) {
        this(Stream.concat(BUILT_IN.stream(), new TreeMap<>(config.policy()).values().stream()
                .map(rule -> new Rule(rule.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
                        rule.pattern(), Set.copyOf(rule.roles()))))
                .toList());
    }

    AccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rule deciding this request, if any (HEAD counts as GET's twin). */
    public Optional<Rule> ruleFor(String method, String path) {
        for (Rule rule : rules) {
            if (rule.matches(method, path)) {
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    /** Whether one of the caller's roles is allowed by the rule. */
    public static boolean allows(Rule rule, Set<String> roles) {
        for (String role : roles) {
            if (rule.roles().contains(role)) {
                return true;
            }
        }
        return false;
    }
}
