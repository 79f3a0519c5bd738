package dev.mentorship.matching.track;

import dev.mentorship.matching.scoring.TrackScores;
import dev.mentorship.matching.scoring.Weights;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A track's matching policy: the score's weights, exclusions, the minimum load, and how rolling matching works. */
@Entity
@Table(name = "track_policy")
public class TrackPolicy extends PanacheEntityBase {

    /** After publishing: pair new people at once, or propose the pairs to an organizer. */
    public enum Rolling { AUTOMATIC, PROPOSE }

    @Id
    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "weight_keywords", nullable = false)
    public double weightKeywords;

    @Column(name = "weight_text", nullable = false)
    public double weightText;

    @Column(name = "weight_topics", nullable = false)
    public double weightTopics;

    @Column(name = "weight_hours", nullable = false)
    public double weightHours;

    @Column(name = "exclude_same_affiliation", nullable = false)
    public boolean excludeSameAffiliation;

    @Column(name = "minimum_score", nullable = false)
    public double minimumScore;

    @Column(name = "minimum_shared_hours", nullable = false)
    public double minimumSharedHours;

    /** A mentor who is given mentees gets at least this many (0 or 1: no minimum). */
    @Column(name = "minimum_load", nullable = false)
    public int minimumLoad;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Rolling rolling;

    /** Mentees with the priority flag are served first from the waitlist. */
    @Column(name = "priority_first", nullable = false)
    public boolean priorityFirst;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by")
    public UUID updatedBy;

    /** Null for the defaults (never set); the ETag of conditional writes. */
    @jakarta.persistence.Version
    public Long version;

    /** The track's policy: the one an organizer set, else the defaults (not stored). */
    public static Uni<TrackPolicy> findFor(Track track) {
        return TrackPolicy.<TrackPolicy>findById(track.trackId).map(p -> p != null ? p : defaults(track));
    }

    /** The policy a track has until an organizer sets one. */
    public static TrackPolicy defaults(Track track) {
        TrackPolicy p = new TrackPolicy();
        p.trackId = track.trackId;
        Weights w = track.kind == Track.Kind.CAREER ? Weights.CAREER : Weights.INTERESTS;
        p.weightKeywords = w.keywords();
        p.weightText = w.text();
        p.weightTopics = w.topics();
        p.weightHours = w.hours();
        p.excludeSameAffiliation = false;
        p.minimumScore = 0;
        p.minimumSharedHours = track.kind == Track.Kind.CAREER ? 1 : 0;
        p.minimumLoad = track.kind == Track.Kind.CAREER && track.menteesPerMentorMin != null ? track.menteesPerMentorMin : 0;
        p.rolling = Rolling.AUTOMATIC;
        p.priorityFirst = true;
        return p;
    }

    public TrackScores.Policy scoring() {
        return new TrackScores.Policy(new Weights(weightKeywords, weightText, weightTopics, weightHours),
                excludeSameAffiliation, minimumScore, minimumSharedHours);
    }
}
