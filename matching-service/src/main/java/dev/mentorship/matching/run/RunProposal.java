package dev.mentorship.matching.run;

import dev.mentorship.matching.persistence.JsonColumns;
import dev.mentorship.matching.scoring.Explanation;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** One proposed pair of a run, with its score and explanation. */
@Entity
@Table(name = "run_proposal")
@IdClass(RunProposal.Key.class)
public class RunProposal extends PanacheEntityBase {

    public record Key(UUID runId, UUID menteeRegistrationId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "run_id")
    public UUID runId;

    @Id
    @Column(name = "mentee_registration_id")
    public UUID menteeRegistrationId;

    @Column(name = "mentor_registration_id", nullable = false)
    public UUID mentorRegistrationId;

    @Column(nullable = false)
    public double score;

    @Convert(converter = JsonColumns.ExplanationColumn.class)
    @Column(nullable = false)
    public Explanation explanation;

    @Column(nullable = false)
    public boolean pinned;
}
