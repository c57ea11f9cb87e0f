package fr.civmil.health.devstack.testing;

import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;

import io.restassured.response.ValidatableResponse;

/**
 * Base of each service's {@code PageQueriesTest} (a {@code @QuarkusTest}): a list page is read in a few statements
 * however many items it holds, never one (or more) per item. The subclass fills {@link #PAGE_ITEMS} items and reads
 * each of its list pages through {@link #assertPageBounded}. Statements are counted from Hibernate's statistics (the
 * test JVM is the application's, and needs {@code quarkus.hibernate-orm.statistics=true}).
 */
public abstract class PageQueriesContract {

    /** Items per page: reading them one by one would take at least as many statements. */
    public static final int PAGE_ITEMS = 30;
    /** The page, its count, the related rows (a few kinds, each read at once) and the platform's own statements. */
    public static final long PAGE_BOUND = 10;

    @Inject
    SessionFactory sessionFactory;

    /**
     * Reads a list page (a 200 whose {@code items} hold at least {@link #PAGE_ITEMS}) and asserts it took at most
     * {@link #PAGE_BOUND} statements.
     */
    protected void assertPageBounded(String page, Supplier<ValidatableResponse> read) {
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        int items = read.get().statusCode(200).extract().jsonPath().getList("items").size();
        long statements = statistics.getPrepareStatementCount();
        if (items < PAGE_ITEMS) {
            throw new AssertionError("the page of " + page + " holds " + items + " items, not " + PAGE_ITEMS);
        }
        if (statements > PAGE_BOUND) {
            throw new AssertionError("a page of " + page + " took " + statements + " statements (at most " + PAGE_BOUND + ")");
        }
    }
}
