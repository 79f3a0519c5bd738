package dev.mentorship.matching.messaging;

import dev.mentorship.runtime.messaging.Required;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What this service reads of schedule-service's program events (docs/asyncapi.yaml, schedule-service's
 * schemas/ProgramPublished.v1.json): only the fields it uses, bound by
 * {@link dev.mentorship.runtime.messaging.IncomingEvent#data(Class)}; any other field is ignored, a missing
 * {@link Required} one makes the event poison.
 */
public final class ProgramEvents {

    private ProgramEvents() {
    }

    public record ProgramPublished(@Required UUID programId, @Required String name, @Required List<Track> tracks) {
        public static final String TYPE = "ProgramPublished";
    }

    /**
     * @param kind                AUTHOR, REVIEWER or CAREER
     * @param menteesPerMentorMin null when the track sets none
     * @param menteesPerMentorMax null when the track sets none
     * @param key                 the track's key in the program data (optional here: the program report lines editions up by it)
     */
    public record Track(@Required UUID trackId, @Required String kind, @Required String name,
                        Integer menteesPerMentorMin, Integer menteesPerMentorMax, PairingsEnd pairingsEnd, String key) {
    }

    /** When the track's pairings end (optional: events published before the field existed have none). */
    public record PairingsEnd(@Required UUID milestoneId, @Required Instant endsAt) {
    }

    /** A milestone moved; {@code pairingsEndAt}: the end of the track's pairings after the move (optional). */
    public record MilestoneRescheduled(@Required UUID trackId, @Required UUID milestoneId, Instant pairingsEndAt) {
        public static final String TYPE = "MilestoneRescheduled";
    }
}
