package dev.mentorship.participant.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A person's profile or one of their registrations changed: the whole current state (profile and active
 * registrations), so that a consumer replaces what it holds. {@code changes} says what moved.
 */
public record ParticipantUpdated(UUID participantId, List<Change> changes, ParticipantData participant,
                                 List<RegistrationData> registrations, Instant updatedAt) {
    public static final String TYPE = "ParticipantUpdated";

    public enum Change { PROFILE, REGISTRATION }
}
