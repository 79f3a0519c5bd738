package dev.mentorship.schedule.program;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * When a track's pairings end: when its part of the program ends, as the pages say. Author: the paper submission
 * deadline ("As the Author Mentorship Program ends on Sept 6"); reviewer: the revised reviews (the survey that
 * follows is asked of people whose pairing has ended); career: the last day of the one-on-one week. A track without
 * that milestone falls back to the end of its meeting period; a track with neither never ends its pairings by itself.
 */
public final class PairingsEnd {

    private PairingsEnd() {
    }

    /** The milestone whose last instant ends the track's pairings, and that instant. */
    public record End(UUID milestoneId, String milestoneKey, String milestoneName, Instant endsAt) {

        static End of(Milestone m) {
            return new End(m.id, m.key, m.name, m.lastInstant());
        }
    }

    public static Optional<End> of(TrackKind kind, List<Milestone> milestones) {
        List<MilestoneType> ending = switch (kind) {
            case AUTHOR -> List.of(MilestoneType.SUBMISSION_DEADLINE, MilestoneType.MEETING_PERIOD);
            case REVIEWER -> List.of(MilestoneType.REVISED_REVIEW_DUE, MilestoneType.REVIEW_PERIOD);
            case CAREER -> List.of(MilestoneType.ONE_ON_ONE_WEEK, MilestoneType.MEETING_PERIOD);
        };
        for (MilestoneType type : ending) {
            Optional<Milestone> last = milestones.stream().filter(m -> m.type == type)
                    .max(Comparator.comparing(Milestone::lastInstant));
            if (last.isPresent()) {
                return last.map(End::of);
            }
        }
        return Optional.empty();
    }
}
