package fr.civmil.health.devstack;

import java.sql.SQLException;

/** A PostgreSQL server the suite can create its databases on: embedded or external. */
public interface PostgresServer extends AutoCloseable {

    String jdbcUrl(String database);

    String username();

    String password();

    /** Creates the database when it does not exist yet. */
    void createDatabase(String name) throws SQLException;

    @Override
    void close();
}
