package dev.mentorship.participant.event;

import java.time.Instant;
import java.util.UUID;

/** A person asked to be forgotten: every service removes what it holds about them. */
public record ParticipantErased(UUID participantId, Instant erasedAt) {
    public static final String TYPE = "ParticipantErased";
}
