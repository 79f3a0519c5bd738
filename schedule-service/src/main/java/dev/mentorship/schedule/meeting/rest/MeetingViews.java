package dev.mentorship.schedule.meeting.rest;

import dev.mentorship.runtime.text.SingleLine;
import dev.mentorship.schedule.meeting.Meeting;
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
                       int sequence, String ics, Instant updatedAt, Instant heldAt) {
        public static View of(Meeting m) {
            return new View(m.id, m.pairingId, m.programId, m.trackId, m.kind, m.number, m.status, m.startsAt, m.endsAt(),
                    m.durationMinutes, m.windowStart, m.windowEnd, m.note, m.sequence,
                    m.startsAt == null ? null : "/meetings/" + m.id + ".ics", m.updatedAt, m.heldAt);
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
