package fr.civmil.health.gateway.security;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who is calling, as a verified token says: its subject (for the logs), the client (its {@code client_id} claim, else
 * its subject) and its roles ({@code groups}), in alphabetical order as the audit records them.
 */
public record Identity(String subject, String client, Set<String> roles) {

    public Identity {
        roles = Collections.unmodifiableSortedSet(new TreeSet<>(roles));
    }
}
