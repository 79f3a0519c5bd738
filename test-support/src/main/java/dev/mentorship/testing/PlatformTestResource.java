package dev.mentorship.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Everything a service's tests need, real and in-process: PostgreSQL with the service's own database, a Kafka
 * broker with the platform's topics, and an OpenID Provider. Register it once per service (a global test
 * resource) so that the application boots once; the servers themselves live once per JVM.
 * <p>Init arg {@code database}: the service's database name.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        int pgPort = EmbeddedPostgresServer.start();
        EmbeddedPostgresServer.createDatabase(database);
        String bootstrapServers = EmbeddedKafkaBroker.start();
        String issuer = OidcTestServer.start();
        return Map.of(
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + pgPort + "/" + database,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + pgPort + "/" + database,
                "kafka.bootstrap.servers", bootstrapServers,
                "quarkus.oidc.auth-server-url", issuer);
    }

    @Override
    public void stop() {
        // The servers live as long as the JVM (a shutdown hook stops them), so that another test profile reuses them.
    }
}
