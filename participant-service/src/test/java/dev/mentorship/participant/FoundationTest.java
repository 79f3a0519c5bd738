package dev.mentorship.participant;

import dev.mentorship.testing.ServiceFoundationContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String participantListEndpoint() {
        return "/me/registrations";
    }

    private static String organizerOnly;

    /** A track's registrations, of a program olivia organizes (TestPrograms). */
    @Override
    protected String organizerOnlyEndpoint() {
        if (organizerOnly == null) {
            TestPrograms.Published program = TestPrograms.publish();
            organizerOnly = "/programs/" + program.programId() + "/tracks/" + program.author() + "/registrations";
        }
        return organizerOnly;
    }
}
