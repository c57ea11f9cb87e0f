package fr.civmil.health.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

class ConstraintsTest {

    @Test
    void aViolationOfTheNamedConstraintIsToldApart() {
        var duplicate = new PersistenceException(new ConstraintViolationException("could not execute statement",
                new SQLException("duplicate key value violates unique constraint \"doctor_rpps_key\"", "23505"), "doctor_rpps_key"));
        assertTrue(Constraints.violated(duplicate, "doctor_rpps_key"));
        assertFalse(Constraints.violated(duplicate, "another_key"));
    }

    @Test
    void theDatabaseAwayIsNoViolation() {
        var away = new PersistenceException(new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001")));
        assertFalse(Constraints.violated(away, "doctor_rpps_key"));
    }
}
