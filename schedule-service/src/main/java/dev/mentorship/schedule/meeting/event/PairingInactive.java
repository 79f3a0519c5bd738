package dev.mentorship.schedule.meeting.event;

import dev.mentorship.schedule.program.TrackKind;

import java.time.Instant;
import java.util.UUID;

/** A pairing held no meeting for a while: the pair is nudged, organizers see it. Key pairingId. */
public record PairingInactive(UUID pairingId, UUID programId, UUID trackId, TrackKind trackKind, Party mentor, Party mentee,
                              Instant lastActivityAt, long inactiveDays, Instant detectedAt) {
    public static final String TYPE = "PairingInactive";
}
