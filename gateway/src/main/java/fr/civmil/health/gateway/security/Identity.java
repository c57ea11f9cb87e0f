package fr.civmil.health.gateway.security;

import java.util.List;
import java.util.Set;

/**
 * Who is calling, as a verified token says: its subject (for the logs), the client (its {@code client_id} claim, else
 * its subject) and its roles ({@code groups}), also in alphabetical order as the audit records them.
 */
public record Identity(String subject, String client, Set<String> roles, List<String> sortedRoles) {

    public Identity(String subject, String client, Set<String> roles) {
        this(subject, client, Set.copyOf(roles), roles.stream().sorted().toList());
    }
}
