package dev.mentorship.matching.run;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;

/** A mentee a run could not pair, and why. */
@Entity
@Table(name = "run_unmatched")
@IdClass(RunUnmatched.Key.class)
public class RunUnmatched extends PanacheEntityBase {

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

    /** NO_CAPACITY or NO_COMPATIBLE_MENTOR. */
    @Column(nullable = false)
    public String reason;
}
