package dev.mentorship.runtime.staff;

import dev.mentorship.runtime.messaging.Required;

import java.util.List;
import java.util.UUID;

/**
 * A program's whole staff after a change (appointment, change of grants, removal), with a revision that only grows.
 * Internal: on the topic mentorship.staff, which participant-, matching- and notification-service read and no outside
 * system may (it names the staff's emails). Produced by schedule-service; schema ProgramStaffChanged.v1.json.
 */
public record ProgramStaffChanged(@Required UUID programId, long revision, @Required List<Member> staff) {

    public static final String TYPE = "ProgramStaffChanged";
    public static final int VERSION = 1;
    public static final String TOPIC = "mentorship.staff";

    public record Member(@Required UUID personId, @Required String name, @Required String email,
                         @Required List<Grant> grants) {
    }
}
