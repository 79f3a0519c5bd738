package dev.mentorship.runtime.persistence;

/**
 * What a failure of the database means for the caller, told apart in one place: an unreachable database is waited out
 * (503 with Retry-After to an HTTP client, a retry with backoff to a consumer), a conflict with another transaction is
 * tried again by a consumer, text PostgreSQL cannot store is the client's mistake (400); anything else is a failure of
 * its own kind.
 */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** The database cannot be reached, refused the connection, is shutting down or no connection came in time. */
    public static boolean unavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.SocketException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof io.netty.channel.ConnectTimeoutException) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            if (t instanceof io.vertx.core.impl.NoStackTraceThrowable && "Timeout".equals(t.getMessage())) {
                return true; // no pooled connection became free in time
            }
        }
        return false;
    }

    /**
     * Another transaction got in the way, and trying again in a moment is expected to succeed: a unique key it took
     * meanwhile (23505), a deadlock (40P01), a serialization failure (40001), a lock not granted (55P03). Concurrent
     * consumers of one topic's partitions meet these; EventBatch retries them for about half a minute before it takes
     * the conflict for the event's own and applies the events one by one (where one that still fails is dead-lettered).
     */
    public static boolean conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
            if ("23505".equals(state) || "40P01".equals(state) || "40001".equals(state) || "55P03".equals(state)) {
                return true;
            }
        }
        return false;
    }

    /**
     * PostgreSQL refused a text the client sent: a NUL character (22021, which no text column or parameter can
     * hold) or one the database's encoding lacks (22P05). Found by the hostile-input suite: {@code ?q=%00} gave a 500.
     */
    public static boolean unstorableText(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = t instanceof io.vertx.pgclient.PgException pg ? pg.getSqlState()
                    : t instanceof org.hibernate.JDBCException jdbc ? jdbc.getSQLState() : null;
            if ("22021".equals(state) || "22P05".equals(state)) {
                return true;
            }
        }
        return false;
    }

}
