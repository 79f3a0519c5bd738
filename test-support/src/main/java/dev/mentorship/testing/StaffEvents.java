package dev.mentorship.testing;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A program's staff as schedule-service announces it (ProgramStaffChanged on the internal topic mentorship.staff), for
 * the services that keep a copy: a test names the people it makes organizers by user name ({@link Tokens}).
 */
public final class StaffEvents {

    public static final String TOPIC = "mentorship.staff";
    public static final List<String> ALL_GRANTS = List.of("CONDUCT_CONTACT", "CONFIDENTIAL", "ORGANIZER");

    /** Revisions only grow within a test JVM, so the latest call wins as a later appointment does. */
    private static final AtomicLong REVISION = new AtomicLong(System.currentTimeMillis());

    private StaffEvents() {
    }

    /** Makes these people the program's whole staff, each with every grant. */
    public static void organizers(EventProducer events, UUID programId, String... usernames) {
        staff(events, programId, Arrays.stream(usernames).map(u -> new Member(u, ALL_GRANTS)).toList());
    }

    /** A person and their grants (ORGANIZER, CONDUCT_CONTACT, CONFIDENTIAL). */
    public record Member(String username, List<String> grants) {
    }

    /** Makes these people the program's whole staff. */
    public static void staff(EventProducer events, UUID programId, List<Member> members) {
        String staff = members.stream().map(m -> """
                {"personId": "%s", "name": "%s Test", "email": "%s", "grants": [%s]}""".formatted(Tokens.subject(m.username()),
                m.username(), Tokens.email(m.username()),
                m.grants().stream().map(g -> "\"" + g + "\"").collect(Collectors.joining(", "))))
                .collect(Collectors.joining(", "));
        events.send(TOPIC, programId.toString(), "ProgramStaffChanged", UUID.randomUUID().toString(),
                "/schedule-service", """
                        {"programId": "%s", "revision": %d, "staff": [%s]}""".formatted(programId, REVISION.incrementAndGet(), staff));
    }
}
