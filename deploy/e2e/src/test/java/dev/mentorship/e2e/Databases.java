package dev.mentorship.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/** The services' databases on the local stack: the system PostgreSQL (5432) or the embedded one (15432). */
final class Databases {

    private Databases() {
    }

    /** A service's database (its name is also its user's name and password on the local stack). */
    static Connection connect(String database) throws SQLException {
        SQLException last = null;
        for (String port : List.of(System.getProperty("pg.port", "5432"), "15432")) {
            try {
                return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, database, database);
            } catch (SQLException e) {
                last = e;
            }
        }
        throw last;
    }
}
