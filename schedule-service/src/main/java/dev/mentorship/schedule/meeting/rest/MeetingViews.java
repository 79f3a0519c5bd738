package dev.mentorship.schedule.meeting.rest;

import dev.mentorship.runtime.text.SingleLine;
import dev.mentorship.schedule.meeting.Meeting;
import dev.mentorship.schedule.meeting.Place;
import dev.mentorship.schedule.pairing.PairingPlace;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What the meeting endpoints read and write. */
public final class MeetingViews {

    private MeetingViews() {
    }

    /** A meeting as its members and organizers see it. */
    @Schema(name = "MeetingView", description = "A meeting as its members and organizers see it")
    public record View(UUID id, UUID pairingId, UUID programId, UUID trackId, Meeting.Kind kind, int number, Meeting.Status status,
                       Instant startsAt, Instant endsAt, int durationMinutes, Instant windowStart, Instant windowEnd, String note,
                       int sequence, String ics, Instant updatedAt, Instant heldAt,
                       @Schema(description = "Where it takes place (the meeting's own place, else its pairing's); null: not said",
                               example = "Room 4.12") String location,
                       @Schema(description = "Its video link (https), the meeting's own or its pairing's; null: none",
                               example = "https://zoom.us/j/123456789") String videoUrl,
                       @Schema(description = "true: the meeting has its own place (PUT /meetings/{id}/place); false: its pairing's")
                       boolean ownPlace) {
        public static View of(Meeting m, PairingPlace pairingPlace) {
            Place place = Place.of(m, pairingPlace);
            return new View(m.id, m.pairingId, m.programId, m.trackId, m.kind, m.number, m.status, m.startsAt, m.endsAt(),
                    m.durationMinutes, m.windowStart, m.windowEnd, m.note, m.sequence,
                    m.startsAt == null ? null : "/meetings/" + m.id + ".ics", m.updatedAt, m.heldAt,
                    place.location(), place.videoUrl(), place.own());
        }
    }

    /**
     * A place as written: a pairing's (its members') or a meeting's own. Both empty: a pairing has none; a meeting
     * takes its pairing's again.
     */
    @Schema(name = "PlaceChange", description = "Where to meet: a location, an https video link, or both")
    public record PlaceChange(@Size(max = Place.MAX_LOCATION) @SingleLine
                              @Schema(description = "Free text, one line", example = "Room 4.12, Building B") String location,
                              @Size(max = Place.MAX_VIDEO_URL) @SingleLine
                              @Schema(description = "An absolute https URL (no other scheme)", example = "https://zoom.us/j/123456789")
                              String videoUrl) {
    }

    /** A pairing's place, as its members see it. */
    @Schema(name = "PairingPlaceView", description = "Where a pairing meets unless a meeting says otherwise")
    public record PairingPlaceView(UUID pairingId, String location, String videoUrl,
                                   @Schema(description = "When it was last set; null: never") Instant updatedAt,
                                   @Schema(description = "Which member set it last") UUID updatedBy) {
        public static PairingPlaceView of(UUID pairingId, PairingPlace place) {
            return place == null ? new PairingPlaceView(pairingId, null, null, null, null)
                    : new PairingPlaceView(pairingId, place.location, place.videoUrl, place.updatedAt, place.updatedBy);
        }
    }

    /** A new time for a meeting (which confirms it). */
    public record Move(@NotNull @Schema(example = "2025-07-22T15:00:00Z") Instant startsAt,
                       @Min(15) @Max(240) Integer durationMinutes) {
    }

    public record Cancellation(@Size(max = 1000) @SingleLine String reason) {
    }

    /** The secret link of a person's calendar feed. */
    public record Feed(String url) {
    }
}
