package dev.mentorship.notification.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A message in a person's in-app inbox. The consumer writes them in bulk with raw SQL ({@code FanOut}); the inbox API
 * reads and marks them here.
 */
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

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    /** A person's inbox, newest first; {@code unreadOnly} for the unread messages only. */
    public static PanacheQuery<Notification> findByRecipient(UUID recipientId, boolean unreadOnly) {
        return unreadOnly
                ? find("recipientId = ?1 and readAt is null", NEWEST_FIRST, recipientId)
                : find("recipientId", NEWEST_FIRST, recipientId);
    }

    public static Uni<Long> countUnread(UUID recipientId) {
        return count("recipientId = ?1 and readAt is null", recipientId);
    }

    /** Marks every unread message of the person read at {@code at}; returns how many. */
    public static Uni<Integer> markAllRead(UUID recipientId, Instant at) {
        return update("readAt = ?1 where recipientId = ?2 and readAt is null", at, recipientId);
    }
}
