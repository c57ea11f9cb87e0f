package fr.civmil.health.gateway.security;

import java.util.Set;

/**
 * Who is calling, as a verified token says: its subject (for the logs), the client (its {@code client_id} claim, else
 * its subject) and its roles ({@code groups}).
 */
public record Identity(String subject, String client, Set<String> roles) {
}
