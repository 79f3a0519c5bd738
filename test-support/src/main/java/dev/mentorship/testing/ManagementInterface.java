package dev.mentorship.testing;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The service's management interface in a {@code @QuarkusTest}: health ({@code /q/health/*}) and metrics
 * ({@code /q/metrics}) are served there, on their own port, not on the API's (quarkus.management.enabled, shared
 * configuration). Tests listen on a free port (quarkus.management.test-port=0), which Quarkus puts back into the
 * configuration once it listens.
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    /** The port the running application's management interface listens on. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A request to the management interface, e.g. {@code ManagementInterface.given().get("/q/metrics")}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
