package dev.mentorship.schedule.groupsession.rest;

import dev.mentorship.schedule.groupsession.GroupSession;
import dev.mentorship.schedule.groupsession.service.GroupSessionService;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** What the group-session endpoints read and answer. */
public final class GroupSessionViews {

    private GroupSessionViews() {
    }

    /** A session as a person of its track sees it: seats left, whether they joined it, its calendar file. */
    @Schema(name = "GroupSessionOffer")
    public record Offer(UUID sessionId, UUID programId, UUID trackId, UUID milestoneId, String milestoneKey,
                        String milestoneName, String key, Instant startsAt, Instant endsAt, int durationMinutes,
                        @Schema(description = "The https link to join; null while not announced") String onlineUrl,
                        int capacity, int seatsLeft, boolean joined,
                        @Schema(description = "The session's iCalendar file") String icsUrl) {

        public static Offer of(GroupSessionService.Offer offer) {
            GroupSession s = offer.session();
            return new Offer(s.id, s.programId, s.trackId, s.milestoneId, offer.milestone().key, offer.milestone().name,
                    s.key, s.startsAt, s.endsAt(), s.durationMinutes, s.onlineUrl, s.capacity, s.seatsLeft(),
                    offer.joined(), "/programs/" + s.programId + "/tracks/" + s.trackId + "/group-sessions/" + s.id + ".ics");
        }
    }

    /** A session as its program's organizers manage it. */
    @Schema(name = "GroupSession")
    public record Session(UUID sessionId, UUID milestoneId, String key, Instant startsAt, Instant endsAt,
                          int durationMinutes, String onlineUrl, int capacity, int seatsTaken,
                          @Schema(description = "iCalendar SEQUENCE: raised by each change of time, length or link") int sequence) {

        public static Session of(GroupSession s) {
            return new Session(s.id, s.milestoneId, s.key, s.startsAt, s.endsAt(), s.durationMinutes, s.onlineUrl,
                    s.capacity, s.seatsTaken, s.sequence);
        }
    }

    /** An organizer's session: when (an ISO-8601 instant within the milestone's day), how long, where, how many. */
    @Schema(name = "GroupSessionChange")
    public record Change(
            @Schema(description = "The start, an ISO-8601 instant such as 2025-11-21T14:00:00Z, within the milestone's day in its time zone")
            @NotNull Instant startsAt,
            @Schema(description = "Length in minutes (1 to 480)") @NotNull @Min(1) @Max(480) Integer durationMinutes,
            @Schema(description = "The https link to join; none while not announced") @Size(max = 500) String onlineUrl,
            @Schema(description = "Seats (at least 1, not fewer than those taken)") @NotNull @Min(1) @Max(10000) Integer capacity) {
    }
}
