package fr.civmil.health.platform.persistence;

/**
 * Tells which database constraint a failed write broke, so that a service maps that one (a unique index: a
 * duplicate) to its refusal and lets anything else through: a database that could not be reached is not a
 * duplicate.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Whether the failure, or one of its causes, is a violation of the named constraint or index. */
    public static boolean violated(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && constraint.equals(c.getConstraintName())) {
                return true;
            }
            // PostgreSQL names the constraint in its message when Hibernate could not extract it.
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }
}
