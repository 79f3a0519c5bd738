package dev.mentorship.notification;

import dev.mentorship.testing.ServiceFoundationContract;
import dev.mentorship.testing.Database;
import dev.mentorship.testing.EventProducer;
import dev.mentorship.testing.StaffEvents;
import io.quarkus.test.junit.QuarkusTest;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@QuarkusTest
class FoundationTest extends ServiceFoundationContract {

    @Override
    protected String participantListEndpoint() {
        return "/me/notifications";
    }

    private static String organizerOnly;

    /** A program's delivery log, of a program olivia organizes. */
    @Override
    protected String organizerOnlyEndpoint() {
        if (organizerOnly == null) {
            UUID programId = UUID.randomUUID();
            try (EventProducer events = new EventProducer()) {
                StaffEvents.organizers(events, programId, "olivia");
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Database.query("select count(*)::text from program_staff where program_id = '" + programId + "'")
                    .equals(List.of("1"))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the staff of " + programId + " never arrived");
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            organizerOnly = "/programs/" + programId + "/deliveries";
        }
        return organizerOnly;
    }
}
