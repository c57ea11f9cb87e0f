package fr.civmil.health.devstack.testing;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

/**
 * How many SQL statements some work prepares, from Hibernate's statistics (the test JVM is the application's, and
 * needs {@code quarkus.hibernate-orm.statistics=true}): a list page must not cost one statement per item.
 */
public final class Statements {

    private Statements() {
    }

    public static long countedDuring(SessionFactory sessionFactory, Runnable work) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        work.run();
        return statistics.getPrepareStatementCount();
    }
}
