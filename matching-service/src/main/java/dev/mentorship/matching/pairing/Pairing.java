package dev.mentorship.matching.pairing;

import dev.mentorship.matching.persistence.JsonColumns;
import dev.mentorship.matching.scoring.Explanation;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A mentor and a mentee paired in one track, with the score and the reasons they were paired. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    /** ENDED: the track's part of the program ended (PairingEnded); DISSOLVED: it ended early (PairingDissolved). */
    public enum Status { ACTIVE, DISSOLVED, ENDED }

    /** What made the pairing: a published run, or rolling matching (a late mentee, a mentor taking from the waitlist). */
    public enum Source { RUN, ROLLING }

    /** Why it ended. */
    public enum Ended { ORGANIZER, WITHDRAWN, ERASED }

    @Id
    public UUID id;

    @Column(name = "program_id", nullable = false)
    public UUID programId;

    @Column(name = "track_id", nullable = false)
    public UUID trackId;

    @Column(name = "mentor_id", nullable = false)
    public UUID mentorId;

    @Column(name = "mentee_id", nullable = false)
    public UUID menteeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public double score;

    @Convert(converter = JsonColumns.ExplanationColumn.class)
    @Column(nullable = false)
    public Explanation explanation;

    @Column(name = "mentor_registration_id", nullable = false)
    public UUID mentorRegistrationId;

    @Column(name = "mentee_registration_id", nullable = false)
    public UUID menteeRegistrationId;

    @Column(name = "run_id")
    public UUID runId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Enumerated(EnumType.STRING)
    @Column(name = "dissolved_reason")
    public Ended dissolvedReason;

    @Column(name = "dissolved_note")
    public String dissolvedNote;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "dissolved_at")
    public Instant dissolvedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    /** The pairings a person is in, as mentor or as mentee, newest first. */
    public static PanacheQuery<Pairing> findByMember(UUID participantId) {
        return find("mentorId = ?1 or menteeId = ?1", NEWEST_FIRST, participantId);
    }

    /** A track's pairings, newest first; of one status where {@code status} is not null. */
    public static PanacheQuery<Pairing> findByTrack(UUID trackId, Status status) {
        return status == null
                ? find("trackId", NEWEST_FIRST, trackId)
                : find("trackId = ?1 and status = ?2", NEWEST_FIRST, trackId, status);
    }
}
