package dev.mentorship.notification.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A track as messages speak of it: its name, its milestones (as people read their dates), its registration window
 * and when its pairings end. Optional facts are null where the program's event did not carry them.
 */
public record TrackInfo(UUID trackId, String name, String programName, String kind, Instant firstContactDue, String firstContactOn,
                        List<Step> milestones, Instant applicationDeadline, Instant registrationClosesAt, boolean rolling,
                        Instant pairingsEndAt) {

    /** A milestone: its type (SURVEY_DUE, GROUP_SESSION, ...), name, first instant, last instant of a window, rendering. */
    public record Step(String type, String key, String name, Instant dueAt, Instant endsAt, String rendering) {
    }

    public TrackInfo(UUID trackId, String name, String programName, String kind, Instant firstContactDue, String firstContactOn) {
        this(trackId, name, programName, kind, firstContactDue, firstContactOn, List.of(), null, null, false, null);
    }

    /** The first milestone of one of these types, or null. */
    public Step first(String... types) {
        for (Step step : milestones) {
            for (String type : types) {
                if (type.equals(step.type())) {
                    return step;
                }
            }
        }
        return null;
    }

    /** Whether registrations are no longer accepted at {@code now} (unknown: open). */
    public boolean registrationClosed(Instant now) {
        return registrationClosesAt != null && !now.isBefore(registrationClosesAt);
    }

    /** Whether the track's pairings have ended at {@code now} (unknown: no). */
    public boolean ended(Instant now) {
        return pairingsEndAt != null && !now.isBefore(pairingsEndAt);
    }
}
