package fr.civmil.health.gateway.security;

import java.util.Set;

/**
 * Who is calling, as a verified token says: the client (its {@code client_id} claim, else its subject)
 * and its roles ({@code groups}).
 */
public record Identity(String client, Set<String> roles) {
}
