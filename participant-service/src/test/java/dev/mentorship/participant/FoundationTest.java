package dev.mentorship.participant;

import dev.mentorship.testing.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String participantListEndpoint() {
        return "/me/registrations";
    }

    @Override
    protected String organizerOnlyEndpoint() {
        return "/programs/7f1c1d3e-5c1b-4c8e-9a51-2a7c6f0d9e11/tracks/0b6d2f4a-1e3c-4d5b-8f6a-9c7e8d1f2a3b/registrations";
    }
}
