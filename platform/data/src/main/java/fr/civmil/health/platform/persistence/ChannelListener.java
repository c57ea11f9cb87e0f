package fr.civmil.health.platform.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * A thread holding one connection that LISTENs on a PostgreSQL channel (NOTIFY is delivered at
 * commit, in commit order). The connection is opened again a second after it is lost; notifications
 * sent meanwhile are gone, which is why {@link Listener#connected()} is the place to catch up.
 */
public final class ChannelListener {

    /** What the listening thread reports; every call comes from that one thread. */
    public interface Listener {
        /** Listening (again): catch up with whatever was notified before. */
        void connected();

        /** One or more notifications arrived. */
        void notified();

        /** Nothing arrived for the poll interval. */
        default void idle() {
        }

        /** The connection is gone; notifications are missed until {@link #connected()}. */
        void lost(SQLException cause);
    }

    private final Thread thread;
    private volatile boolean running = true;

    public ChannelListener(String name, DataSource dataSource, String channel, Duration poll, Listener listener) {
        this.thread = new Thread(() -> listen(dataSource, channel, (int) poll.toMillis(), listener), name);
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5000);
    }

    private void listen(DataSource dataSource, String channel, int pollMillis, Listener listener) {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen " + channel);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listener.connected();
                while (running) {
                    var notifications = pg.getNotifications(pollMillis);
                    if (notifications != null && notifications.length > 0) {
                        listener.notified();
                    } else {
                        listener.idle();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                listener.lost(e);
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }
}
