package dev.mentorship.matching.pairing.rest;

import java.time.Instant;
import java.util.UUID;

/** A mentee on a track's waitlist, at their position. */
public record WaitlistView(int position, UUID registrationId, UUID participantId, String name, boolean priority,
                           boolean late, String reason, Instant waitlistedAt) {
}
