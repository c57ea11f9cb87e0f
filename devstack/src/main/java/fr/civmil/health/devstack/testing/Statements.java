package fr.civmil.health.devstack.testing;

import java.util.function.Supplier;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.restassured.response.ValidatableResponse;

/**
 * How many SQL statements some work prepares, from Hibernate's statistics (the test JVM is the application's, and
 * needs {@code quarkus.hibernate-orm.statistics=true}): a list page must not cost one statement per item.
 */
public final class Statements {

    private Statements() {
    }

    /** Items per page in the services' PageQueriesTest: reading them one by one would take at least as many statements. */
    public static final int PAGE_ITEMS = 30;
    /** The page, its count, the related rows (a few kinds, each read at once) and the platform's own statements. */
    public static final long PAGE_BOUND = 10;

    /**
     * Reads a list page (a 200 whose {@code items} hold at least {@link #PAGE_ITEMS}) and asserts it took at most
     * {@link #PAGE_BOUND} statements.
     */
    public static void assertPageBounded(SessionFactory sessionFactory, String page, Supplier<ValidatableResponse> read) {
        int[] items = new int[1];
        long statements = countedDuring(sessionFactory,
                () -> items[0] = read.get().statusCode(200).extract().jsonPath().getList("items").size());
        if (items[0] < PAGE_ITEMS) {
            throw new AssertionError("the page of " + page + " holds " + items[0] + " items, not " + PAGE_ITEMS);
        }
        if (statements > PAGE_BOUND) {
            throw new AssertionError("a page of " + page + " took " + statements + " statements (at most " + PAGE_BOUND + ")");
        }
    }

    public static long countedDuring(SessionFactory sessionFactory, Runnable work) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        work.run();
        return statistics.getPrepareStatementCount();
    }
}
