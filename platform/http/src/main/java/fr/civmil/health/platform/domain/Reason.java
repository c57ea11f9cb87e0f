package fr.civmil.health.platform.domain;

/**
 * A text the domain names by key (with its arguments) to be shown inside another, such as each reason a line of a
 * file is refused: the platform renders it in the reader's language; a list of them reads as clauses.
 */
public record Reason(String key, Object... args) {
}
