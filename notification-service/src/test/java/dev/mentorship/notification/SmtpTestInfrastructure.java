package dev.mentorship.notification;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** The SMTP server every test of this service shares, started once. */
@WithTestResource(value = SmtpServer.class, scope = TestResourceScope.GLOBAL)
public final class SmtpTestInfrastructure {
    private SmtpTestInfrastructure() {
    }
}
