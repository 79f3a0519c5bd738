package dev.mentorship.notification.inbox.repository;

import dev.mentorship.notification.inbox.Notification;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    public PanacheQuery<Notification> findByRecipient(UUID recipientId, boolean unreadOnly) {
        return unreadOnly
                ? find("recipientId = ?1 and readAt is null", NEWEST_FIRST, recipientId)
                : find("recipientId", NEWEST_FIRST, recipientId);
    }
}
