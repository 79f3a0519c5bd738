package dev.mentorship.notification.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A message in a person's in-app inbox. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(nullable = false)
    public String category;

    /** Where the entry leads in the frontend (the same deep link as its mail), e.g. …/pairings/{id}; null for none. */
    public String link;
}
