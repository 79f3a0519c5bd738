package dev.mentorship.matching;

import dev.mentorship.testing.PlatformTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Real PostgreSQL, Kafka and OIDC for every test of this service, started once. */
@WithTestResource(value = PlatformTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "matching_service"))
public final class PlatformTestInfrastructure {
    private PlatformTestInfrastructure() {
    }
}
