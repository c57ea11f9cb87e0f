package fr.civmil.health.referral.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import fr.civmil.health.platform.persistence.ChannelListener;
import fr.civmil.health.referral.config.ReferralConfig;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Answers of the directory search, kept as the JSON sent to clients, each with the directory
 * generation of its scope (the départements searched, or the whole directory) at the time it was
 * computed. Every write that can change a result bumps the generations of its départements in its own
 * transaction and notifies {@code civmil_directory} at commit (V5 triggers); each replica listens and
 * re-reads the generations, so a stored answer stops being served as soon as its scope changes. A hit
 * is then a lookup in memory, served without a database round trip or a thread hop.
 * <p>
 * Freshness: a replica that commits a write refreshes its generations before answering it
 * ({@link #refresh()}), so its next search sees the write; other replicas see it once the commit's
 * notification reached them, a few milliseconds later. While a replica's listening connection is
 * down, it has no way to know, and answers every search from the database.
 */
@ApplicationScoped
public class DirectoryCache {

    private static final Logger LOG = Logger.getLogger(DirectoryCache.class);
    private static final String CHANNEL = "civmil_directory";
    private static final String GENERATIONS = "select scope, generation from directory_generation";

    /** An answer and the generation it was computed under. */
    private record Entry(long generation, byte[] json) {
    }

    private final AgroalDataSource dataSource;
    private final Cache<Object, Entry> answers;
    private final Duration safetyRefresh;
    private final Counter hits;
    private final Counter misses;
    /** The committed generations as last read; null while they cannot be trusted (not listening). */
    private volatile Map<String, Long> generations;
    private volatile boolean listening;
    private ChannelListener listener;

    public DirectoryCache(AgroalDataSource dataSource, ReferralConfig config, MeterRegistry meters) {
        this.dataSource = dataSource;
        long maxBytes = config.searchCache().maxSize().asLongValue();
        this.answers = maxBytes > 0 ? Caffeine.newBuilder().maximumWeight(maxBytes)
                .weigher((Object key, Entry entry) -> entry.json().length).build() : null;
        this.safetyRefresh = config.searchCache().safetyRefresh();
        this.hits = Counter.builder("referral.search.cache").tag("result", "hit").register(meters);
        this.misses = Counter.builder("referral.search.cache").tag("result", "miss").register(meters);
    }

    void start(@Observes StartupEvent event) {
        if (answers == null) {
            return;
        }
        listener = new ChannelListener("directory-listener", dataSource, CHANNEL, safetyRefresh, new ChannelListener.Listener() {
            @Override
            public void connected() {
                listening = true;
                refresh();
            }

            @Override
            public void notified() {
                refresh();
            }

            @Override
            public void idle() {
                // Notifications are reliable while the connection lives; this only bounds the damage of a bug.
                refresh();
            }

            @Override
            public void lost(SQLException cause) {
                listening = false;
                generations = null;
                LOG.warnf("Directory listener lost its connection (%s); searches bypass the cache until it is back",
                        cause.getMessage());
            }
        });
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (listener != null) {
            listener.stop();
        }
    }

    /** The stored answer for this key if its scope has not changed since; empty otherwise. */
    public Optional<byte[]> stored(Object key, Optional<List<String>> departements) {
        Map<String, Long> current = generations;
        if (answers == null || current == null) {
            return Optional.empty();
        }
        Entry entry = answers.getIfPresent(key);
        if (entry == null || entry.generation() != generation(current, departements)) {
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.json());
    }

    /** Computes the answer (blocking: it runs the search) and stores it with the generation read before. */
    public byte[] compute(Object key, Optional<List<String>> departements, Supplier<byte[]> search) {
        misses.increment();
        Map<String, Long> before = generations;
        byte[] json = search.get();
        if (answers != null && before != null) {
            answers.put(key, new Entry(generation(before, departements), json));
        }
        return json;
    }

    /**
     * Reads the committed generations now. Called by the listener, and by a request that wrote to the
     * directory once its transaction committed, so that this replica's next search sees the write.
     */
    public synchronized void refresh() {
        if (answers == null || !listening) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(GENERATIONS);
                ResultSet rs = statement.executeQuery()) {
            Map<String, Long> read = new HashMap<>();
            while (rs.next()) {
                read.put(rs.getString(1), rs.getLong(2));
            }
            // Synchronized: a read that began later is never overwritten by one that began earlier.
            generations = listening ? read : null;
        } catch (SQLException e) {
            generations = null;
            LOG.warnf("Directory generations not readable (%s); searches bypass the cache", e.getMessage());
        }
    }

    /** Counters only grow, so their sum over a scope changes whenever one of them does. */
    private static long generation(Map<String, Long> generations, Optional<List<String>> departements) {
        if (departements.isEmpty()) {
            return generations.values().stream().mapToLong(Long::longValue).sum();
        }
        long sum = generations.getOrDefault("*", 0L);
        for (String departement : departements.get()) {
            sum += generations.getOrDefault(departement, 0L);
        }
        return sum;
    }
}
