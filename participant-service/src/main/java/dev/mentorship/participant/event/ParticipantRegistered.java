package dev.mentorship.participant.event;

import java.util.UUID;

/** One registration for one track: topic mentorship.participants, key participantId. */
public record ParticipantRegistered(UUID participantId, ParticipantData participant, RegistrationData registration) {
    public static final String TYPE = "ParticipantRegistered";
}
