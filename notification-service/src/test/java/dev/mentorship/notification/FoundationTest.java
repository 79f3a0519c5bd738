package dev.mentorship.notification;

import dev.mentorship.testing.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String participantListEndpoint() {
        return "/me/notifications";
    }

    @Override
    protected String organizerOnlyEndpoint() {
        return "/deliveries";
    }
}
