package dev.mentorship.matching.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A mentee registration's waitlist priority as participant-service announces it on the internal topic
 * (WaitlistPriorityChanged): kept by registration id, since it may arrive before the registration itself.
 */
@Entity
@Table(name = "mentee_priority")
public class MenteePriority extends PanacheEntityBase {

    @Id
    @Column(name = "registration_id")
    public UUID registrationId;

    @Column(nullable = false)
    public boolean priority;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
