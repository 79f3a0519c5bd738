package dev.mentorship.runtime.audit;

import dev.mentorship.runtime.messaging.Required;

import java.time.Instant;
import java.util.UUID;

/**
 * INTERNAL. One organizer or admin action, or one read of confidential data or conduct reports, or one export, as the
 * service that served it records it: who, when, in which program, what, and before and after where it changed
 * something. Topic mentorship.audit (the services only), key programId; schedule-service keeps the program's log.
 * Schema AuditRecorded.v1.json.
 */
public record AuditRecorded(@Required UUID entryId, @Required UUID programId, @Required Instant occurredAt,
                            @Required UUID actorId, String actorName, @Required String service, @Required String action,
                            String subject, String before, String after) {

    public static final String TYPE = "AuditRecorded";
    public static final int VERSION = 1;
    public static final String TOPIC = "mentorship.audit";
}
