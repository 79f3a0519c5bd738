package dev.mentorship.matching.track;

/**
 * What organizers choose in a track's matching policy; also the copy of the policy a run keeps (as JSON, in
 * {@code matching_run.policy}).
 */
public record PolicySettings(double weightKeywords, double weightText, double weightTopics, double weightHours,
                             boolean excludeSameAffiliation, double minimumScore, double minimumSharedHours,
                             int minimumLoad, TrackPolicy.Rolling rolling, boolean priorityFirst) {

    public static PolicySettings of(TrackPolicy p) {
        return new PolicySettings(p.weightKeywords, p.weightText, p.weightTopics, p.weightHours, p.excludeSameAffiliation,
                p.minimumScore, p.minimumSharedHours, p.minimumLoad, p.rolling, p.priorityFirst);
    }

    public void applyTo(TrackPolicy p) {
        p.weightKeywords = weightKeywords;
        p.weightText = weightText;
        p.weightTopics = weightTopics;
        p.weightHours = weightHours;
        p.excludeSameAffiliation = excludeSameAffiliation;
        p.minimumScore = minimumScore;
        p.minimumSharedHours = minimumSharedHours;
        p.minimumLoad = minimumLoad;
        p.rolling = rolling;
        p.priorityFirst = priorityFirst;
    }
}
