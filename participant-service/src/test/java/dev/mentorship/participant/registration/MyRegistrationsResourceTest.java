package dev.mentorship.participant.registration;

import dev.mentorship.testing.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.quarkus.vertx.VertxContextSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class MyRegistrationsResourceTest {

    private static final UUID PROGRAM = UUID.randomUUID();

    @Test
    void aParticipantSeesOnlyTheirOwnRegistrationsNewestFirstAndPaged() throws Throwable {
        UUID zoe = UUID.fromString(Tokens.subject("zoe"));
        UUID yusuf = UUID.fromString(Tokens.subject("yusuf"));
        Registration oldest = registration(zoe, Registration.Role.MENTEE, "2025-06-01T10:00:00Z");
        Registration middle = registration(zoe, Registration.Role.MENTOR, "2025-06-02T10:00:00Z");
        Registration newest = registration(zoe, Registration.Role.MENTEE, "2025-06-03T10:00:00Z");
        Registration someoneElses = registration(yusuf, Registration.Role.MENTEE, "2025-06-04T10:00:00Z");
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                () -> Registration.persist(oldest, middle, newest, someoneElses)));

        given().auth().oauth2(Tokens.participant("zoe")).queryParam("size", 2)
                .when().get("/me/registrations")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items", hasSize(2))
                .body("items.id", contains(newest.id.toString(), middle.id.toString()));
        given().auth().oauth2(Tokens.participant("zoe")).queryParam("size", 2).queryParam("page", 1)
                .when().get("/me/registrations")
                .then().statusCode(200)
                .body("items.id", contains(oldest.id.toString()));
        given().auth().oauth2(Tokens.participant("yusuf"))
                .when().get("/me/registrations")
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].role", equalTo("MENTEE"))
                .body("items[0].registeredAt", equalTo("2025-06-04T10:00:00Z"));
    }

    @Test
    @RunOnVertxContext
    void theDatabaseRefusesASecondRegistrationForTheSameTrackAndRole(UniAsserter asserter) {
        UUID xena = UUID.fromString(Tokens.subject("xena"));
        Registration first = registration(xena, Registration.Role.MENTOR, "2025-06-01T10:00:00Z");
        Registration twin = registration(xena, Registration.Role.MENTOR, "2025-06-02T10:00:00Z");
        twin.trackId = first.trackId;
        asserter.execute(() -> Panache.withTransaction(() -> Registration.persist(first)));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> Registration.persist(twin)),
                e -> assertThat(e).hasStackTraceContaining("registration_once_per_track_and_role"));
        asserter.assertThat(() -> Panache.withSession(() -> Registration.<Registration>list("participantId", xena)),
                (List<Registration> found) -> assertThat(found).extracting(r -> r.id).containsExactly(first.id));
    }

    private static Registration registration(UUID participant, Registration.Role role, String at) {
        Registration r = new Registration();
        r.id = UUID.randomUUID();
        r.participantId = participant;
        r.programId = PROGRAM;
        r.trackId = UUID.randomUUID();
        r.role = role;
        r.trackKind = dev.mentorship.participant.track.TrackOffer.Kind.AUTHOR;
        r.status = Registration.Status.ACTIVE;
        r.registeredAt = Instant.parse(at);
        r.updatedAt = r.registeredAt;
        r.codeOfConductVersion = "2025";
        r.codeOfConductAcceptedAt = r.registeredAt;
        return r;
    }
}
