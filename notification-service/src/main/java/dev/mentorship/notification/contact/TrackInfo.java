package dev.mentorship.notification.contact;

import java.time.Instant;
import java.util.UUID;

/** A track's name and what its members need to know next (the first-contact date, as people read it). */
public record TrackInfo(UUID trackId, String name, String programName, String kind, Instant firstContactDue, String firstContactOn) {
}
