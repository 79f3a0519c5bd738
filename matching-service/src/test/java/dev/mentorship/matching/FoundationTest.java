package dev.mentorship.matching;

import dev.mentorship.testing.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String participantListEndpoint() {
        return "/me/pairings";
    }

    @Override
    protected String organizerOnlyEndpoint() {
        return "/programs/5a1c7e9d-2b4f-4c6a-8e0d-1f3b5d7a9c2e/tracks/0b6d2f4a-1e3c-4d5b-8f6a-9c7e8d1f2a3b/pairings";
    }
}
