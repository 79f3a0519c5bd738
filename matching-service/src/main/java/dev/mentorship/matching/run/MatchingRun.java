package dev.mentorship.matching.run;

import dev.mentorship.matching.persistence.JsonColumns;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A matching run: the proposal of one solve (FULL: an organizer's dry run; ROLLING: pairs proposed after publishing
 * under the PROPOSE policy) with its report. A DRAFT is published, or superseded by a newer run.
 */
@Entity
@Table(name = "matching_run")
public class MatchingRun extends PanacheEntityBase {

    public enum Kind { FULL, ROLLING }

    public enum Status { DRAFT, PUBLISHED, SUPERSEDED }

    @Id
    public UUID id;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The policy the run was solved under, as JSON. */
    @Column(nullable = false)
    public String policy;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public int matched;

    @Column(nullable = false)
    public int unmatched;

    @Column(name = "total_score", nullable = false)
    public double totalScore;

    @Column(name = "lowest_score")
    public Double lowestScore;

    @Column(name = "solver_millis", nullable = false)
    public long solverMillis;

    /** How many mentors got 0, 1, 2, ... mentees. */
    @Convert(converter = JsonColumns.IntList.class)
    @Column(name = "mentor_load", nullable = false)
    public List<Integer> mentorLoad = new ArrayList<>();

    /** The mentors left below the load aimed for, and why. */
    @Convert(converter = JsonColumns.BelowAimList.class)
    @Column(name = "below_aim", nullable = false)
    public List<JsonColumns.BelowAim> belowAim = new ArrayList<>();

    @Column(name = "created_by")
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
