package fr.civmil.health.devstack.testing;

import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;

import io.restassured.response.ValidatableResponse;

/**
 * Base of each service's {@code PageQueriesTest} (a {@code @QuarkusTest}): a list page is read in a few statements
 * however many items it holds, never one (or more) per item. The subclass fills {@link Statements#PAGE_ITEMS} items and
 * reads each of its list pages through {@link #assertPageBounded}.
 */
public abstract class PageQueriesContract {

    @Inject
    SessionFactory sessionFactory;

    protected void assertPageBounded(String page, Supplier<ValidatableResponse> read) {
        Statements.assertPageBounded(sessionFactory, page, read);
    }
}
