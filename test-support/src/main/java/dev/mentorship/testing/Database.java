package dev.mentorship.testing;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

import java.util.ArrayList;
import java.util.List;

/** Looks straight into the database of the service under test, as an auditor would (inside its @QuarkusTest). */
public final class Database {

    private Database() {
    }

    /** Every table of the service's schema except Flyway's own history. */
    public static List<String> tables() {
        return query("select table_name::text from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history' order by 1");
    }

    /** Rows of any table whose text contains one of the needles (case-insensitive), as "table: row". */
    public static List<String> rowsMentioning(String... needles) {
        List<String> found = new ArrayList<>();
        for (String table : tables()) {
            for (String row : query("select t::text from " + table + " t")) {
                for (String needle : needles) {
                    if (row.toLowerCase().contains(needle.toLowerCase())) {
                        found.add(table + ": " + row);
                        break;
                    }
                }
            }
        }
        return found;
    }

    /** How many outbox events are keyed by this aggregate id. */
    public static long outboxEventsFor(String key) {
        return Long.parseLong(query("select count(*)::text from outbox_event where event_key = '" + key.replace("'", "''") + "'").get(0));
    }

    public static List<String> query(String sql) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(sql, String.class).getResultList())));
        } catch (Throwable e) {
            throw new AssertionError("Query failed: " + sql, e);
        }
    }

    /** Runs a statement that changes rows (in its own transaction) and returns how many it changed; fails as the database does. */
    public static int execute(String sql) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(sql).executeUpdate())));
    }
}
