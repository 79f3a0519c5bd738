package dev.mentorship.participant.event;

import java.time.Instant;
import java.util.UUID;

/**
 * INTERNAL. A mentee registration's waitlist priority changed (a self-identified underrepresented mentee in a track whose
 * organizers turned the policy on). Derived from what the person confided, so it travels on mentorship.confidential
 * only, which matching-service alone may read; no public event carries it. Schema WaitlistPriorityChanged.v1.json.
 */
public record WaitlistPriorityChanged(UUID registrationId, UUID participantId, UUID programId, UUID trackId,
                                      boolean priority, Instant changedAt) {
    public static final String TYPE = "WaitlistPriorityChanged";
    public static final int VERSION = 1;
}
