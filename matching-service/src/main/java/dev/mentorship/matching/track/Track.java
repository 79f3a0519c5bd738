package dev.mentorship.matching.track;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A track as schedule-service announced it. Its row also serialises the matching work on the track: a run holds a
 * lease while it solves; publishing and rolling matching lock the row in their transaction.
 */
@Entity
@Table(name = "track")
public class Track extends PanacheEntityBase {

    public enum Kind { AUTHOR, REVIEWER, CAREER }

    @Id
    @Column(name = "track_id")
    public UUID trackId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(nullable = false)
    public String name;

    /** The track's key in the program data (e.g. author), by which the program report lines editions up; null: published before it was kept. */
    @Column(name = "track_key")
    public String key;

    @Column(name = "program_name", nullable = false)
    public String programName;

    @Column(name = "mentees_per_mentor_min")
    public Integer menteesPerMentorMin;

    @Column(name = "mentees_per_mentor_max")
    public Integer menteesPerMentorMax;

    /** The milestone whose end ends the track's pairings (ProgramPublished's pairingsEnd); null: they do not end by themselves. */
    @Column(name = "pairings_end_milestone_id")
    public UUID pairingsEndMilestoneId;

    /** When the track's pairings end: from then on no pairing is made and the active ones end (PairingEnded). */
    @Column(name = "pairings_end_at")
    public Instant pairingsEndAt;

    /** Whether the track's part of the program is over at {@code now}. */
    public boolean ended(Instant now) {
        return pairingsEndAt != null && !now.isBefore(pairingsEndAt);
    }

    /** The last published run: once set, the track matches on a rolling basis. */
    @Column(name = "published_run_id")
    public UUID publishedRunId;

    @Column(name = "run_lease_id")
    public UUID runLeaseId;

    @Column(name = "run_lease_until")
    public Instant runLeaseUntil;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /**
     * The track, its row locked until the transaction ends (SELECT ... FOR UPDATE in SQL: Hibernate Reactive's
     * lock upgrade of an entity already in the session names the attribute instead of the column).
     */
    public static Uni<Track> lock(UUID trackId) {
        // HQL, not native SQL: Hibernate 7.1 adds a query plan on every call of a native query
        return Panache.getSession().chain(session -> session
                .createSelectionQuery("from Track where trackId = :id", Track.class)
                .setParameter("id", trackId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getSingleResultOrNull());
    }
}
