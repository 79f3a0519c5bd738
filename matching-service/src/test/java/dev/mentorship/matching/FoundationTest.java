package dev.mentorship.matching;

import dev.mentorship.testing.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    private static String organizerOnly;

    @Override
    protected String participantListEndpoint() {
        return "/me/pairings";
    }

    /** A published track's pairings: a track's organizer paths answer 404 for a track this service has not seen published. */
    @Override
    protected String organizerOnlyEndpoint() {
        if (organizerOnly == null) {
            try (Season season = new Season().publish()) {
                organizerOnly = "/programs/" + season.programId + "/tracks/" + season.author + "/pairings";
            }
        }
        return organizerOnly;
    }
}
