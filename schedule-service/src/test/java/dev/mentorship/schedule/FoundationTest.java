package dev.mentorship.schedule;

import dev.mentorship.testing.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String participantListEndpoint() {
        return "/programs";
    }
}
