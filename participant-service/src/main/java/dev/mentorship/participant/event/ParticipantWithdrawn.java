package dev.mentorship.participant.event;

import dev.mentorship.participant.registration.Registration;
import dev.mentorship.participant.track.TrackOffer;

import java.time.Instant;
import java.util.UUID;

/** A person withdrew one registration (the reason they gave stays here). */
public record ParticipantWithdrawn(UUID participantId, UUID registrationId, UUID programId, UUID trackId,
                                   TrackOffer.Kind trackKind, Registration.Role role, Instant withdrawnAt) {
    public static final String TYPE = "ParticipantWithdrawn";
}
